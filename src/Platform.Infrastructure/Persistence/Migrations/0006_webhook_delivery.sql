-- 0006: outbound webhook delivery (issue 10, second slice; adr/0033). The outbox fans each integration event out to
-- one message per subscribed endpoint (unique on endpoint and event, so a re-dispatched event adds nothing); delivery
-- workers on every instance claim due messages under a lease, send them with no transaction open, and record every
-- attempt. Forward-only.

-- When the endpoint's current run of failures began (NULL while its last attempt succeeded): an endpoint failing
-- without a break for Webhooks:DisableAfter is disabled as 'failing'.
ALTER TABLE webhook_endpoints ADD COLUMN failing_since timestamptz NULL;

CREATE TABLE webhook_messages (
    -- The webhook-id header: the same on every attempt, what receivers de-duplicate on.
    id               uuid        PRIMARY KEY,
    endpoint_id      uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    -- The outbox message it came from; NULL for a test message.
    event_id         uuid        NULL,
    event_type       text        NOT NULL CHECK (char_length(event_type) BETWEEN 1 AND 100),
    -- The exact body that is signed and sent, kept as text so the bytes never change between attempts.
    body             text        NOT NULL CHECK (octet_length(body) <= 20480),
    status           text        NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
    -- Every attempt ever made, and the attempts of the current round (a redelivery or a recovery starts a new round,
    -- and with it the retry schedule).
    attempts         integer     NOT NULL CHECK (attempts >= 0),
    round_attempts   integer     NOT NULL CHECK (round_attempts >= 0),
    next_attempt_at  timestamptz NOT NULL,
    -- The lease: the instance sending it sets it; once it has passed, another instance may take over.
    locked_until     timestamptz NULL,
    locked_by        text        NULL CHECK (char_length(locked_by) <= 200),
    created_at       timestamptz NOT NULL,
    last_attempt_at  timestamptz NULL,
    last_status_code integer     NULL,
    last_error       text        NULL CHECK (char_length(last_error) <= 2000),
    delivered_at     timestamptz NULL,
    failed_at        timestamptz NULL,
    CHECK ((status = 'delivered') = (delivered_at IS NOT NULL)),
    CHECK ((status = 'failed') = (failed_at IS NOT NULL))
);

-- One message per event and endpoint: the fan-out is idempotent on the event id.
CREATE UNIQUE INDEX ux_webhook_messages_endpoint_event ON webhook_messages (endpoint_id, event_id) WHERE event_id IS NOT NULL;
-- The workers' claim: due pending messages, oldest due first. Partial, so delivered rows cost it nothing.
CREATE INDEX ix_webhook_messages_due ON webhook_messages (next_attempt_at, id) WHERE status = 'pending';
-- The claim goes endpoint by endpoint, so a receiver with a long backlog never hides another's due messages.
CREATE INDEX ix_webhook_messages_endpoint_due ON webhook_messages (endpoint_id, next_attempt_at, id) WHERE status = 'pending';
-- Messages in flight per endpoint (the per-endpoint concurrency limit).
CREATE INDEX ix_webhook_messages_leased ON webhook_messages (endpoint_id) WHERE locked_until IS NOT NULL;
-- The delivery log of an endpoint, newest first, and recovery of its failed messages since a time.
CREATE INDEX ix_webhook_messages_endpoint ON webhook_messages (endpoint_id, created_at DESC, id DESC);
CREATE INDEX ix_webhook_messages_failed ON webhook_messages (endpoint_id, created_at) WHERE status = 'failed';

CREATE TABLE webhook_attempts (
    id               uuid        PRIMARY KEY,
    message_id       uuid        NOT NULL REFERENCES webhook_messages (id) ON DELETE CASCADE,
    attempted_at     timestamptz NOT NULL,
    -- succeeded | failed | gone | simulated
    outcome          text        NOT NULL CHECK (outcome IN ('succeeded', 'failed', 'gone', 'simulated')),
    status_code      integer     NULL,
    latency_ms       integer     NOT NULL CHECK (latency_ms >= 0),
    -- The first 1 kB of the receiver's answer.
    response_body    text        NULL CHECK (char_length(response_body) <= 1024),
    error            text        NULL CHECK (char_length(error) <= 2000),
    instance         text        NOT NULL CHECK (char_length(instance) <= 200)
);

CREATE INDEX ix_webhook_attempts_message ON webhook_attempts (message_id, attempted_at, id);

-- Wake every instance's delivery worker when messages become due: sent on commit of the inserting (or redelivering)
-- transaction, folded into one per transaction, and never sent for a rollback.
CREATE FUNCTION webhook_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('platform_webhooks', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER webhook_messages_inserted AFTER INSERT ON webhook_messages
    FOR EACH STATEMENT EXECUTE FUNCTION webhook_messages_notify();
-- A message made due now (redelivered, recovered, or given back by a stopping instance); not a retry scheduled for later.
CREATE TRIGGER webhook_messages_due AFTER UPDATE OF status, next_attempt_at ON webhook_messages
    FOR EACH ROW WHEN (NEW.status = 'pending' AND NEW.locked_until IS NULL AND NEW.next_attempt_at <= now())
    EXECUTE FUNCTION webhook_messages_notify();
-- An endpoint switched back on has paused messages waiting.
CREATE TRIGGER webhook_endpoints_enabled AFTER UPDATE OF enabled ON webhook_endpoints
    FOR EACH ROW WHEN (NEW.enabled AND NOT OLD.enabled) EXECUTE FUNCTION webhook_messages_notify();
