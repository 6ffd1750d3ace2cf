-- 0012: verified email addresses and the single-use tokens of the account flows (issue 13). Forward-only.
--
-- users.email_verified_at: when the address was proven by a mailed token (NULL: never). Accounts that existed before
-- this migration start unverified; they verify by asking for a new mail (POST /api/v1/auth/email/verify/resend).
--
-- account_tokens: one live token per account and purpose; a newer request replaces the row, so only the latest mailed
-- token works. Only SHA-256 of the token is stored (the token is 32 random bytes: a hash without a key is enough).
-- Using a token deletes its row in the same statement that finds it, so it works once, on one instance.
-- requested_at is when the request was made (the outbox message's time): a redelivered request never replaces the
-- token of a later one, nor its own.

ALTER TABLE users ADD COLUMN email_verified_at timestamptz NULL;

CREATE TABLE account_tokens (
    user_id      uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose      text        NOT NULL CHECK (purpose IN ('email_verification', 'email_change', 'password_reset')),
    token_hash   bytea       NOT NULL CHECK (octet_length(token_hash) = 32),
    -- The address the token was mailed to: the account's for verification and reset, the new one for a change.
    email        text        NOT NULL CHECK (char_length(email) BETWEEN 3 AND 320),
    requested_at timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, purpose)
);
CREATE UNIQUE INDEX ux_account_tokens_token_hash ON account_tokens (token_hash);
