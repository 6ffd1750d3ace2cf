-- 0008: the normalized recipient on email messages, and an id on suppressions (issue 11; adr/0036). The suppression check and the admin list's
-- recipient filter compare EmailAddress.Normalize forms (trimmed, upper-cased, as users.normalized_email); storing it
-- lets both use an index instead of normalizing every row. The application computes it on insert. 0007 had already
-- shipped, so this is a migration of its own rather than an edit (an applied file that changes stops start-up).

ALTER TABLE email_messages ADD COLUMN recipient_key text NULL;

-- No message has been written before this release; any row there is normalized the same way for ASCII addresses.
UPDATE email_messages SET recipient_key = upper(btrim(recipient)) WHERE recipient_key IS NULL;

ALTER TABLE email_messages
    ALTER COLUMN recipient_key SET NOT NULL,
    ADD CONSTRAINT email_messages_recipient_key_check CHECK (char_length(recipient_key) BETWEEN 3 AND 320);

DROP INDEX ix_email_messages_recipient;
CREATE INDEX ix_email_messages_recipient ON email_messages (recipient_key, created_at DESC, id DESC);

-- Suppressions get an id like every other resource, so audit rows can name the entry they changed; the address stays
-- the key that sends check.
ALTER TABLE email_suppressions ADD COLUMN id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX ux_email_suppressions_id ON email_suppressions (id);
