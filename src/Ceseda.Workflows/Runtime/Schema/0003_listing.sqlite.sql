-- Ceseda.Workflows runtime schema, version 3 (SQLite): a court's listing reads only the cases it may show.
-- Applied once by SchemaScripts inside a transaction; schema_version records it.
-- cases.listed_from: the earliest instant at which the case shows in a listing of what falls due
-- (CaseRuntime.DueAsync): the first due instant of its armed deadlines and of its open clerk tasks
-- with a due date; NULL when it has none. Set by each write. The cases written before this script
-- get the smallest value (read as "unknown": they are read by every listing, as before) until
-- their next write.
-- ix_cases_court_listed_from replaces ix_cases_court: a listing reads the court's cases listed
-- before the end of its window, by index.

ALTER TABLE cases ADD COLUMN listed_from BIGINT NULL;
UPDATE cases SET listed_from = -9223372036854775808;

DROP INDEX ix_cases_court;
CREATE INDEX ix_cases_court_listed_from ON cases (court, listed_from);
