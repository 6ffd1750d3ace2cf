-- 0002: sessions as refresh-token families (rotation with reuse detection), disabled accounts, sign-in back-off.
-- Forward-only; existing sessions keep working: their current refresh token moves into refresh_tokens.

ALTER TABLE users ADD COLUMN disabled_at timestamptz NULL;

-- Admin search by any part of an email address.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX ix_users_normalized_email_trgm ON users USING gin (normalized_email gin_trgm_ops);
CREATE INDEX ix_users_created ON users (created_at DESC, id DESC);

ALTER TABLE user_sessions RENAME COLUMN expires_at TO absolute_expires_at;
ALTER TABLE user_sessions
    ADD COLUMN device_name     text        NOT NULL DEFAULT 'Unknown device',
    ADD COLUMN user_agent      text        NULL,
    ADD COLUMN ip              text        NULL,
    ADD COLUMN idle_expires_at timestamptz NULL,
    ADD COLUMN revoke_reason   text        NULL;
UPDATE user_sessions SET idle_expires_at = absolute_expires_at;
ALTER TABLE user_sessions ALTER COLUMN idle_expires_at SET NOT NULL;
ALTER TABLE user_sessions ALTER COLUMN device_name DROP DEFAULT;

CREATE TABLE refresh_tokens (
    id             uuid        PRIMARY KEY,
    session_id     uuid        NOT NULL REFERENCES user_sessions (id) ON DELETE CASCADE,
    token_hash     text        NOT NULL,
    issued_at      timestamptz NOT NULL,
    rotated_at     timestamptz NULL,
    successor_salt bytea       NULL
);
CREATE UNIQUE INDEX ux_refresh_tokens_token_hash ON refresh_tokens (token_hash);
CREATE INDEX ix_refresh_tokens_session_id ON refresh_tokens (session_id);

INSERT INTO refresh_tokens (id, session_id, token_hash, issued_at)
SELECT gen_random_uuid(), id, refresh_token_hash, last_used_at FROM user_sessions;

DROP INDEX ux_user_sessions_refresh_token_hash;
ALTER TABLE user_sessions DROP COLUMN refresh_token_hash;

-- The session list (a user's live sessions, newest first) and the pruning job (sessions that ended long ago).
CREATE INDEX ix_user_sessions_user_created ON user_sessions (user_id, created_at DESC, id DESC);
DROP INDEX ix_user_sessions_user_id;
CREATE INDEX ix_user_sessions_ended ON user_sessions ((COALESCE(revoked_at, LEAST(idle_expires_at, absolute_expires_at))));
-- Revocations an instance must know about at start-up: only recent ones matter (access tokens are short-lived).
CREATE INDEX ix_user_sessions_revoked ON user_sessions (revoked_at) WHERE revoked_at IS NOT NULL;

-- Consecutive failed sign-ins per account (normalised email, also for unknown ones), for progressive back-off.
CREATE TABLE login_failures (
    account        text        PRIMARY KEY,
    failures       integer     NOT NULL,
    last_failed_at timestamptz NOT NULL,
    blocked_until  timestamptz NOT NULL
);
CREATE INDEX ix_login_failures_last_failed ON login_failures (last_failed_at);
