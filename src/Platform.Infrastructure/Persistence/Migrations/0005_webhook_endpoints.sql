-- 0005: outbound webhook endpoints (issue 10, first slice). The signing secret is stored only sealed (AES-256-GCM
-- under Webhooks:SecretEncryptionKey, bound to the row's id: see adr/0031); after a rotation the previous sealed
-- secret keeps signing until previous_secret_expires_at. Forward-only.

CREATE TABLE webhook_endpoints (
    id                          uuid        PRIMARY KEY,
    url                         text        NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2000 AND url ~ '^https?://'),
    description                 text        NOT NULL CHECK (char_length(description) <= 500),
    event_types                 text[]      NOT NULL CHECK (cardinality(event_types) BETWEEN 1 AND 50),
    enabled                     boolean     NOT NULL,
    disabled_reason             text        NULL CHECK (disabled_reason IN ('manual', 'gone', 'failing')),
    disabled_at                 timestamptz NULL,
    secret_ciphertext           text        NOT NULL CHECK (secret_ciphertext LIKE 'v1:%'),
    previous_secret_ciphertext  text        NULL CHECK (previous_secret_ciphertext LIKE 'v1:%'),
    previous_secret_expires_at  timestamptz NULL,
    secret_rotated_at           timestamptz NULL,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL,
    version                     integer     NOT NULL CHECK (version >= 1),
    CHECK (enabled = (disabled_reason IS NULL) AND (disabled_reason IS NULL) = (disabled_at IS NULL)),
    CHECK ((previous_secret_ciphertext IS NULL) = (previous_secret_expires_at IS NULL))
);

-- The admin list, newest first.
CREATE INDEX ix_webhook_endpoints_created ON webhook_endpoints (created_at DESC, id DESC);
