-- 0010: problem responses counted per minute, error code, route and status, across every instance (issue 12). Each
-- instance counts in memory and adds its counts here every few seconds (INSERT ... ON CONFLICT DO UPDATE), so
-- GET /api/v1/admin/errors sees every instance's errors within about 10 s. Rows older than a day are deleted by the
-- instances as they flush. Forward-only.

CREATE TABLE error_counts (
    -- The start of the minute (UTC) the responses fell in.
    bucket timestamptz NOT NULL,
    code   text        NOT NULL CHECK (char_length(code) BETWEEN 1 AND 100),
    -- The route template (/api/v1/tickets/{id:guid}), or (none) when no endpoint matched; never a raw path.
    route  text        NOT NULL CHECK (char_length(route) BETWEEN 1 AND 300),
    status integer     NOT NULL CHECK (status BETWEEN 400 AND 599),
    count  bigint      NOT NULL CHECK (count > 0),
    PRIMARY KEY (bucket, code, route, status)
);
