-- 0001: accounts, sessions, support tickets, audit log, idempotency keys, rate-limit counters.
-- Forward-only. Applied once, in order, under an advisory lock, and recorded in schema_migrations.

CREATE TABLE users (
    id               uuid        PRIMARY KEY,
    email            text        NOT NULL,
    normalized_email text        NOT NULL,
    display_name     text        NOT NULL,
    password_hash    text        NOT NULL,
    roles            text[]      NOT NULL,
    created_at       timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_users_normalized_email ON users (normalized_email);

CREATE TABLE user_sessions (
    id                 uuid        PRIMARY KEY,
    user_id            uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    refresh_token_hash text        NOT NULL,
    created_at         timestamptz NOT NULL,
    last_used_at       timestamptz NOT NULL,
    expires_at         timestamptz NOT NULL,
    revoked_at         timestamptz NULL
);
CREATE UNIQUE INDEX ux_user_sessions_refresh_token_hash ON user_sessions (refresh_token_hash);
CREATE INDEX ix_user_sessions_user_id ON user_sessions (user_id);

CREATE TABLE tickets (
    id           uuid        PRIMARY KEY,
    subject      text        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 200),
    body         text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    priority     text        NOT NULL CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
    status       text        NOT NULL CHECK (status IN ('open', 'pending', 'resolved', 'closed')),
    requester_id uuid        NOT NULL REFERENCES users (id),
    assignee_id  uuid        NULL REFERENCES users (id),
    created_at   timestamptz NOT NULL,
    updated_at   timestamptz NOT NULL,
    version      integer     NOT NULL
);
-- Every list the API runs is newest first with the id as tie-breaker; one index per filter it offers.
CREATE INDEX ix_tickets_created ON tickets (created_at DESC, id DESC);
CREATE INDEX ix_tickets_requester_created ON tickets (requester_id, created_at DESC, id DESC);
CREATE INDEX ix_tickets_status_created ON tickets (status, created_at DESC, id DESC);
CREATE INDEX ix_tickets_priority_created ON tickets (priority, created_at DESC, id DESC);
CREATE INDEX ix_tickets_assignee_created ON tickets (assignee_id, created_at DESC, id DESC) WHERE assignee_id IS NOT NULL;

CREATE TABLE ticket_comments (
    id         uuid        PRIMARY KEY,
    ticket_id  uuid        NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    author_id  uuid        NOT NULL REFERENCES users (id),
    body       text        NOT NULL CHECK (char_length(body) BETWEEN 1 AND 20000),
    created_at timestamptz NOT NULL
);
CREATE INDEX ix_ticket_comments_ticket_created ON ticket_comments (ticket_id, created_at DESC, id DESC);
CREATE INDEX ix_ticket_comments_author_id ON ticket_comments (author_id);

CREATE TABLE audit_log (
    id            uuid        PRIMARY KEY,
    occurred_at   timestamptz NOT NULL,
    actor_id      uuid        NULL,
    actor_ip      text        NULL,
    action        text        NOT NULL,
    resource_type text        NOT NULL,
    resource_id   uuid        NULL,
    outcome       text        NOT NULL,
    request_id    text        NULL,
    trace_id      text        NULL,
    changes       jsonb       NOT NULL
);
CREATE INDEX ix_audit_log_occurred ON audit_log (occurred_at DESC, id DESC);
CREATE INDEX ix_audit_log_actor_occurred ON audit_log (actor_id, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_log_action_occurred ON audit_log (action, occurred_at DESC, id DESC);
CREATE INDEX ix_audit_log_resource_occurred ON audit_log (resource_type, resource_id, occurred_at DESC, id DESC);

CREATE TABLE idempotency_keys (
    id                  uuid        PRIMARY KEY,
    scope               text        NOT NULL,
    operation           text        NOT NULL,
    key                 text        NOT NULL,
    request_fingerprint text        NOT NULL,
    response_json       text        NOT NULL,
    created_at          timestamptz NOT NULL,
    expires_at          timestamptz NOT NULL
);
CREATE UNIQUE INDEX ux_idempotency_keys_scope_operation_key ON idempotency_keys (scope, operation, key);
CREATE INDEX ix_idempotency_keys_expires ON idempotency_keys (expires_at);

-- Fixed-window counters shared by every API instance.
CREATE TABLE rate_limit_counters (
    key          text        PRIMARY KEY,
    window_start timestamptz NOT NULL,
    hits         integer     NOT NULL,
    expires_at   timestamptz NOT NULL
);
CREATE INDEX ix_rate_limit_counters_expires ON rate_limit_counters (expires_at);
