-- 0013: two-factor sign-in with TOTP (RFC 6238) and recovery codes (issue 13). Forward-only.
--
-- user_totp: at most one authenticator per account. secret_sealed is the TOTP secret sealed with AES-256-GCM under
-- the MFA key (Auth:MfaEncryptionKey, or a key derived from Auth:SecretKey), bound to the user id, and naming the key
-- that sealed it. confirmed_at NULL: enrolment started but not confirmed with a code, so sign-in does not ask for it.
-- last_used_step is the highest time step accepted; a code of that step or an earlier one is refused, so a code
-- works once, on one instance (the update that spends it is conditional on it).
CREATE TABLE user_totp (
    user_id        uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    secret_sealed  text        NOT NULL CHECK (char_length(secret_sealed) BETWEEN 10 AND 400),
    created_at     timestamptz NOT NULL,
    confirmed_at   timestamptz NULL,
    last_used_step bigint      NULL
);

-- Ten per confirmed enrolment, shown once. Only SHA-256 of the normalised code is stored (a code is 80 random bits,
-- so a hash without a key is enough); using one deletes its row in the statement that finds it.
CREATE TABLE mfa_recovery_codes (
    user_id   uuid  NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
    PRIMARY KEY (user_id, code_hash)
);

-- The short-lived, single-use mfa_token of a sign-in that passed its first factor: 'sign_in' completes with a second
-- factor (POST /api/v1/auth/mfa/verify); 'enrolment' lets an account that must enrol (Auth:RequireMfaForRoles) set up
-- its authenticator before it has a session. Only SHA-256 of the token (32 random bytes) is stored. attempts counts
-- the codes tried with a sign-in token: each try claims one by a conditional UPDATE, so however many requests race,
-- a token allows five. Expired rows are deleted whenever a token is issued (by expires_at).
CREATE TABLE mfa_challenges (
    token_hash  bytea       PRIMARY KEY CHECK (octet_length(token_hash) = 32),
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL CHECK (purpose IN ('sign_in', 'enrolment')),
    device_name text        NOT NULL CHECK (char_length(device_name) BETWEEN 1 AND 100),
    user_agent  text        NULL,
    attempts    integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL
);
CREATE INDEX ix_mfa_challenges_user ON mfa_challenges (user_id);
CREATE INDEX ix_mfa_challenges_expires ON mfa_challenges (expires_at);
