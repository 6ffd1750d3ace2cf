-- 0011: recent request durations per route, from every instance, for GET /api/v1/admin/slo/recommend (issue 12).
-- Each instance buffers its requests' durations and adds them here every few seconds; the instances keep only the
-- newest Slo:RecommendSampleSize rows per route (deleting older ones about once a minute). Forward-only.

CREATE TABLE request_samples (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The route template (/api/v1/tickets/{id:guid}); never a raw path.
    route       text        NOT NULL CHECK (char_length(route) BETWEEN 1 AND 300),
    recorded_at timestamptz NOT NULL,
    duration_ms real        NOT NULL CHECK (duration_ms >= 0)
);

CREATE INDEX ix_request_samples_route ON request_samples (route, recorded_at DESC);
