-- 0003: the public status page: services, status events, incidents with updates, scheduled maintenance.
-- Forward-only.

CREATE TABLE status_services (
    id            uuid        PRIMARY KEY,
    slug          text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 64),
    name          text        NOT NULL CHECK (char_length(name) BETWEEN 1 AND 100),
    description   text        NOT NULL CHECK (char_length(description) <= 1000),
    "group"       text        NULL CHECK (char_length("group") BETWEEN 1 AND 100),
    display_order integer     NOT NULL,
    created_at    timestamptz NOT NULL,
    updated_at    timestamptz NOT NULL,
    version       integer     NOT NULL
);
CREATE UNIQUE INDEX ux_status_services_slug ON status_services (slug);

CREATE TABLE status_events (
    id          uuid        PRIMARY KEY,
    service_id  uuid        NOT NULL REFERENCES status_services (id) ON DELETE CASCADE,
    status      text        NOT NULL CHECK (status IN ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
    message     text        NOT NULL CHECK (char_length(message) <= 2000),
    occurred_at timestamptz NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  uuid        NULL REFERENCES users (id),
    -- Insertion order: of two events at the same instant (a maintenance ending and the next starting in one job
    -- run), the one recorded later is the status from then on.
    seq         bigint      GENERATED ALWAYS AS IDENTITY
);
-- A service's current status is its latest event: one index range per service, newest first.
CREATE INDEX ix_status_events_created_by ON status_events (created_by);
CREATE INDEX ix_status_events_service_occurred ON status_events (service_id, occurred_at DESC, seq DESC);

CREATE TABLE status_incidents (
    id                   uuid        PRIMARY KEY,
    title                text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    status               text        NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    impact               text        NOT NULL CHECK (impact IN ('none', 'minor', 'major', 'critical')),
    affected_service_ids uuid[]      NOT NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    resolved_at          timestamptz NULL,
    version              integer     NOT NULL
);
CREATE INDEX ix_status_incidents_created ON status_incidents (created_at DESC, id DESC);
CREATE INDEX ix_status_incidents_unresolved ON status_incidents (created_at DESC) WHERE resolved_at IS NULL;

CREATE TABLE status_incident_updates (
    id             uuid        PRIMARY KEY,
    incident_id    uuid        NOT NULL REFERENCES status_incidents (id) ON DELETE CASCADE,
    status         text        NOT NULL CHECK (status IN ('investigating', 'identified', 'monitoring', 'resolved')),
    message        text        NOT NULL CHECK (char_length(message) BETWEEN 1 AND 5000),
    service_status text        NULL CHECK (service_status IN ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
    created_at     timestamptz NOT NULL,
    created_by     uuid        NOT NULL REFERENCES users (id)
);
CREATE INDEX ix_status_incident_updates_incident ON status_incident_updates (incident_id, created_at, id);
CREATE INDEX ix_status_incident_updates_created_by ON status_incident_updates (created_by);

CREATE TABLE status_maintenances (
    id                   uuid        PRIMARY KEY,
    title                text        NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    description          text        NOT NULL CHECK (char_length(description) <= 2000),
    starts_at            timestamptz NOT NULL,
    ends_at              timestamptz NOT NULL CHECK (ends_at > starts_at),
    affected_service_ids uuid[]      NOT NULL CHECK (cardinality(affected_service_ids) > 0),
    status               text        NOT NULL CHECK (status IN ('scheduled', 'in_progress', 'completed')),
    started_at           timestamptz NULL,
    completed_at         timestamptz NULL,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL,
    version              integer     NOT NULL
);
CREATE INDEX ix_status_maintenances_starts ON status_maintenances (starts_at DESC, id DESC);
-- The maintenance job's two questions: which scheduled ones are due to start, which running ones are due to end.
CREATE INDEX ix_status_maintenances_pending ON status_maintenances (status, starts_at, ends_at) WHERE status <> 'completed';

-- What each affected service showed when a maintenance started, so completing it puts that status back.
CREATE TABLE status_maintenance_restores (
    maintenance_id uuid NOT NULL REFERENCES status_maintenances (id) ON DELETE CASCADE,
    service_id     uuid NOT NULL REFERENCES status_services (id) ON DELETE CASCADE,
    status_before  text NOT NULL CHECK (status_before IN ('operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance')),
    PRIMARY KEY (maintenance_id, service_id)
);
CREATE INDEX ix_status_maintenance_restores_service ON status_maintenance_restores (service_id);
