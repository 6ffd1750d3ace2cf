-- 0004: the transactional outbox. Integration events are written in the transaction of the change that causes
-- them and dispatched afterwards, at least once, by a worker on every instance (see adr/0026).
-- Forward-only.

CREATE TABLE outbox_messages (
    id              uuid        PRIMARY KEY,
    type            text        NOT NULL CHECK (type ~ '^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$' AND char_length(type) <= 100),
    payload         jsonb       NOT NULL,
    occurred_at     timestamptz NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'processed', 'failed')),
    attempts        integer     NOT NULL CHECK (attempts >= 0),
    next_attempt_at timestamptz NOT NULL,
    -- The lease: an instance that claims a message sets it; once it has passed, another instance may take over.
    locked_until    timestamptz NULL,
    locked_by       text        NULL CHECK (char_length(locked_by) <= 200),
    last_error      text        NULL CHECK (char_length(last_error) <= 2000),
    processed_at    timestamptz NULL,
    failed_at       timestamptz NULL,
    CHECK ((status = 'processed') = (processed_at IS NOT NULL)),
    CHECK ((status = 'failed') = (failed_at IS NOT NULL))
);

-- The dispatcher's claim: due pending messages, oldest due first. Partial, so processed rows cost it nothing.
CREATE INDEX ix_outbox_messages_due ON outbox_messages (next_attempt_at, id) WHERE status = 'pending';
-- The admin lists (pending or failed, newest first) and the depth and oldest-age figures.
CREATE INDEX ix_outbox_messages_status_occurred ON outbox_messages (status, occurred_at DESC, id DESC);
-- Pruning processed messages by age.
CREATE INDEX ix_outbox_messages_processed ON outbox_messages (processed_at) WHERE status = 'processed';

-- Wake every dispatcher when messages become due: a NOTIFY sent by the inserting (or retrying) transaction is
-- delivered when it commits, and not at all when it rolls back. PostgreSQL folds repeated notifications of one
-- transaction into one, so a command that writes many rows still sends one.
CREATE FUNCTION outbox_messages_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('platform_outbox', '');
    RETURN NULL;
END;
$$;

CREATE TRIGGER outbox_messages_inserted AFTER INSERT ON outbox_messages
    FOR EACH STATEMENT EXECUTE FUNCTION outbox_messages_notify();
CREATE TRIGGER outbox_messages_retried AFTER UPDATE OF status ON outbox_messages
    FOR EACH ROW WHEN (NEW.status = 'pending' AND OLD.status <> 'pending') EXECUTE FUNCTION outbox_messages_notify();
