-- Ceseda.Workflows runtime schema, version 2 (SQLite): the statutory purge.
-- Applied once by SchemaScripts inside a transaction; schema_version records it.
-- cases.retention_end: the instant the case's records must be erased, set by each write when the
-- procedure has a retention policy (RetentionPolicies), its start event is in the history and the
-- case is in a final state; NULL otherwise (never erased). Cases written before this script keep
-- NULL until their next write.
-- erasures: one row per erased case, with no personal data: the case id only as its SHA-256.

ALTER TABLE cases ADD COLUMN retention_end BIGINT NULL;
ALTER TABLE cases ADD COLUMN retention_rule TEXT NULL;
ALTER TABLE cases ADD COLUMN retention_rule_version TEXT NULL;

CREATE INDEX ix_cases_retention_end ON cases (retention_end);

CREATE TABLE erasures (
    case_hash         TEXT    NOT NULL,
    procedure_id      TEXT    NOT NULL,
    procedure_version INTEGER NOT NULL,
    court             TEXT    NOT NULL,
    rule_id           TEXT    NOT NULL,
    rule_version      TEXT    NOT NULL,
    retention_end     BIGINT  NOT NULL,
    erased_at         BIGINT  NOT NULL,
    PRIMARY KEY (case_hash, erased_at)
);
