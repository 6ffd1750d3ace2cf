-- 0007: transactional email (issue 11; adr/0036). Messages are written in the transaction of the change that causes
-- them (by an outbox handler, unique on event, template and recipient, so a re-dispatched event adds nothing; or by
-- the command itself) and sent by workers on every instance that claim due messages under a lease, with no
-- transaction open during a send. Provider events (bounces, complaints) feed the suppression list, which every send
-- checks first. Forward-only.

CREATE TABLE email_messages (
    id                  uuid        PRIMARY KEY,
    -- The outbox message it came from; NULL when a command wrote it directly (a one-time sign-in code).
    event_id            uuid        NULL,
    template            text        NOT NULL CHECK (char_length(template) BETWEEN 1 AND 100),
    -- As given (trimmed); matched against the suppression list through EmailAddress.Normalize.
    recipient           text        NOT NULL CHECK (char_length(recipient) BETWEEN 3 AND 320),
    subject             text        NOT NULL CHECK (char_length(subject) BETWEEN 1 AND 998),
    -- The text and HTML parts, sealed (AES-256-GCM under a key derived from Auth:SecretKey, bound to the message id),
    -- because a part may carry a secret such as a sign-in code. Dropped once the message is finished.
    content             bytea       NULL,
    -- pending: waiting to be sent (or retried); sent: the provider accepted it; failed: permanently refused or out of
    -- attempts; suppressed: the recipient is on the suppression list, so it was never sent. delivered, bounced and
    -- complained come from the provider's events, when they can be matched to the message.
    status              text        NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'suppressed', 'delivered', 'bounced', 'complained')),
    attempts            integer     NOT NULL CHECK (attempts >= 0),
    next_attempt_at     timestamptz NOT NULL,
    locked_until        timestamptz NULL,
    locked_by           text        NULL CHECK (char_length(locked_by) <= 200),
    created_at          timestamptz NOT NULL,
    last_attempt_at     timestamptz NULL,
    last_error          text        NULL CHECK (char_length(last_error) <= 2000),
    -- The provider that accepted it (smtp, postmark, simulated) and the id it gave, which its events refer to.
    provider            text        NULL CHECK (char_length(provider) <= 50),
    provider_message_id text        NULL CHECK (char_length(provider_message_id) <= 500),
    sent_at             timestamptz NULL,
    finished_at         timestamptz NULL,
    CHECK ((status = 'pending') = (finished_at IS NULL)),
    CHECK (status = 'pending' OR content IS NULL)
);

CREATE UNIQUE INDEX ux_email_messages_event ON email_messages (event_id, template, recipient) WHERE event_id IS NOT NULL;
CREATE INDEX ix_email_messages_due ON email_messages (next_attempt_at, id) WHERE status = 'pending';
CREATE INDEX ix_email_messages_created ON email_messages (created_at DESC, id DESC);
CREATE INDEX ix_email_messages_recipient ON email_messages (recipient, created_at DESC, id DESC);
CREATE INDEX ix_email_messages_provider_id ON email_messages (provider, provider_message_id) WHERE provider_message_id IS NOT NULL;

-- Addresses no message is sent to, keyed by EmailAddress.Normalize (trimmed, upper-cased: the form of
-- users.normalized_email). reason: hard_bounce | soft_bounce | complaint | unsubscribe | manual.
-- A complaint is never removed through the API.
CREATE TABLE email_suppressions (
    email       text        PRIMARY KEY CHECK (char_length(email) BETWEEN 3 AND 320),
    reason      text        NOT NULL CHECK (reason IN ('hard_bounce', 'soft_bounce', 'complaint', 'unsubscribe', 'manual')),
    -- Who added it: a provider (postmark, resend) or admin.
    source      text        NOT NULL CHECK (char_length(source) BETWEEN 1 AND 50),
    note        text        NULL CHECK (char_length(note) <= 500),
    created_at  timestamptz NOT NULL
);

CREATE INDEX ix_email_suppressions_created ON email_suppressions (created_at DESC, email);

-- What providers told us about messages, one model for every provider.
CREATE TABLE email_events (
    id                uuid        PRIMARY KEY,
    provider          text        NOT NULL CHECK (char_length(provider) BETWEEN 1 AND 50),
    provider_event_id text        NOT NULL CHECK (char_length(provider_event_id) BETWEEN 1 AND 500),
    kind              text        NOT NULL CHECK (kind IN ('hard_bounce', 'soft_bounce', 'complaint', 'delivered', 'unsubscribe')),
    -- EmailAddress.Normalize of the address the event is about.
    recipient         text        NOT NULL CHECK (char_length(recipient) BETWEEN 1 AND 320),
    occurred_at       timestamptz NOT NULL,
    -- The message it was matched to through the provider's message id, when it could be.
    message_id        uuid        NULL REFERENCES email_messages (id) ON DELETE SET NULL,
    raw               jsonb       NOT NULL,
    received_at       timestamptz NOT NULL
);

CREATE UNIQUE INDEX ux_email_events_provider_event ON email_events (provider, provider_event_id);
CREATE INDEX ix_email_events_received ON email_events (received_at DESC, id DESC);
-- Soft bounces of an address within a window (suppression after a count).
CREATE INDEX ix_email_events_recipient ON email_events (recipient, kind, occurred_at);

-- One-time sign-in codes: one per user (a new request replaces the old one), stored as an HMAC, never as the code.
CREATE TABLE one_time_codes (
    user_id         uuid        PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    code_hash       bytea       NOT NULL,
    created_at      timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    failed_attempts integer     NOT NULL CHECK (failed_attempts >= 0),
    -- Set when the code signed someone in or when too many wrong codes were tried: it never works again.
    spent_at        timestamptz NULL
);

-- Wake every instance's email worker when messages become due (on commit, once per transaction, never on rollback).
CREATE FUNCTION email_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('platform_email', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER email_messages_inserted AFTER INSERT ON email_messages
    FOR EACH STATEMENT EXECUTE FUNCTION email_messages_notify();
CREATE TRIGGER email_messages_due AFTER UPDATE OF status, next_attempt_at ON email_messages
    FOR EACH ROW WHEN (NEW.status = 'pending' AND NEW.locked_until IS NULL AND NEW.next_attempt_at <= now())
    EXECUTE FUNCTION email_messages_notify();
