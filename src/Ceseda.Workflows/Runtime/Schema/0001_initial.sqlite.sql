-- Ceseda.Workflows runtime schema, version 1 (SQLite).
-- Applied once by SchemaScripts inside a transaction; schema_version records it.
-- Portable types only (TEXT, INTEGER, BIGINT) so that 0001_initial.postgres.sql can mirror it.
-- Instants are stored as BIGINT: NodaTime ticks (100 ns) since the Unix epoch, UTC.

CREATE TABLE cases (
    id                TEXT    NOT NULL PRIMARY KEY,
    procedure_id      TEXT    NOT NULL,
    procedure_version INTEGER NOT NULL,
    territory         TEXT    NOT NULL,
    court             TEXT    NOT NULL,
    state             TEXT    NOT NULL,
    version           BIGINT  NOT NULL,
    snapshot_json     TEXT    NOT NULL,
    next_due          BIGINT  NULL,
    opened_at         BIGINT  NOT NULL,
    updated_at        BIGINT  NOT NULL
);

CREATE INDEX ix_cases_court ON cases (court);
CREATE INDEX ix_cases_next_due ON cases (next_due);

CREATE TABLE case_events (
    case_id      TEXT   NOT NULL REFERENCES cases (id),
    sequence     BIGINT NOT NULL,
    kind         TEXT   NOT NULL,
    trigger_name TEXT   NULL,
    at           BIGINT NOT NULL,
    event_json   TEXT   NOT NULL,
    PRIMARY KEY (case_id, sequence)
);

CREATE TABLE idempotency_keys (
    case_id        TEXT   NOT NULL REFERENCES cases (id),
    key            TEXT   NOT NULL,
    request        TEXT   NOT NULL,
    version        BIGINT NOT NULL,
    first_sequence BIGINT NOT NULL,
    last_sequence  BIGINT NOT NULL,
    snapshot_json  TEXT   NOT NULL,
    created_at     BIGINT NOT NULL,
    PRIMARY KEY (case_id, key)
);
