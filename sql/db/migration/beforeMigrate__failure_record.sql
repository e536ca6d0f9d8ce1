-- Runs before every migrate. A migration that fails inside its transaction leaves no trace in Flyway's history on
-- PostgreSQL (the transaction, and Flyway's own row, roll back), so `migrate --status` could not tell a failed
-- upgrade from a finished one. Migrator writes each failure here, on its own connection after the rollback, and
-- marks it resolved when a later migrate finishes (issue 18).
CREATE TABLE IF NOT EXISTS recruiter.migration_failures (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    failed_at      timestamptz NOT NULL DEFAULT now(),
    version        text,
    description    text,
    sql_state      text,
    cause          text        NOT NULL,
    database_state text        NOT NULL,
    resolved_at    timestamptz
);
REVOKE ALL ON recruiter.migration_failures FROM PUBLIC;
