-- 0009: the inbox for inbound webhooks (issue 11; adr/0037). A provider's request is verified against its raw body,
-- then stored here with an outbox row (one transaction) and answered at once; the source's handler runs later through
-- the outbox dispatcher. Unique on (source, event_id): a provider's retry of the same event is answered 200 and stored
-- once. Forward-only.

CREATE TABLE inbound_events (
    id           uuid        PRIMARY KEY,
    -- The registered source (postmark, resend, ...), as in the route /api/v1/.../webhooks/{source}.
    source       text        NOT NULL CHECK (char_length(source) BETWEEN 1 AND 50),
    -- The provider's id for the event (a header such as svix-id, a field of the payload, or a hash of the body).
    event_id     text        NOT NULL CHECK (char_length(event_id) BETWEEN 1 AND 200),
    -- The provider's name for the kind of event, verbatim (Bounce, email.bounced, ...).
    type         text        NOT NULL CHECK (char_length(type) BETWEEN 1 AND 200),
    content_type text        NULL CHECK (char_length(content_type) <= 200),
    -- The body exactly as received and verified (UTF-8), so a corrected handler can run it again.
    payload      text        NOT NULL,
    received_at  timestamptz NOT NULL,
    -- Runs of the handler, successful or not.
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    -- Set when the handler finished; cleared by an admin's reprocess.
    processed_at timestamptz NULL,
    -- The last failure of the handler; cleared when it succeeds.
    error        text        NULL CHECK (char_length(error) <= 2000),
    CHECK (processed_at IS NULL OR error IS NULL)
);

CREATE UNIQUE INDEX ux_inbound_events_source_event ON inbound_events (source, event_id);
CREATE INDEX ix_inbound_events_received ON inbound_events (received_at DESC, id DESC);

-- Deleting an old email message sets its events' message_id to NULL (0007's ON DELETE SET NULL); without an index
-- each delete would scan email_events.
CREATE INDEX ix_email_events_message_id ON email_events (message_id);
