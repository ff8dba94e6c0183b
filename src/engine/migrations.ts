/**
 * Numbered schema migrations. Append only: never edit a migration that has shipped; add the next number.
 * Each runs in its own transaction together with the version bump, so a project is never half-migrated.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'surveys, waves, question metadata, audit log',
    sql: `
      CREATE SEQUENCE survey_id_seq START 1;
      CREATE TABLE surveys (
        id INTEGER PRIMARY KEY DEFAULT nextval('survey_id_seq'),
        name VARCHAR NOT NULL UNIQUE,
        kind VARCHAR NOT NULL CHECK (kind IN ('survey', 'consultation')),
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      );
      CREATE SEQUENCE wave_id_seq START 1;
      -- One response table per wave (wave_<id>), stored wide with typed columns; _row keeps file order.
      CREATE TABLE waves (
        id INTEGER PRIMARY KEY DEFAULT nextval('wave_id_seq'),
        survey_id INTEGER NOT NULL,
        label VARCHAR NOT NULL,
        year INTEGER,
        table_name VARCHAR NOT NULL UNIQUE,
        source_file VARCHAR NOT NULL,
        row_count BIGINT NOT NULL,
        imported_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        UNIQUE (survey_id, label)
      );
      CREATE TABLE questions (
        wave_id INTEGER NOT NULL,
        position INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        label VARCHAR NOT NULL,
        source_header VARCHAR NOT NULL,
        type VARCHAR NOT NULL,
        role VARCHAR NOT NULL,
        options VARCHAR[] NOT NULL,
        non_substantive VARCHAR[] NOT NULL,
        pair VARCHAR,
        PRIMARY KEY (wave_id, name)
      );
      CREATE TABLE audit_log (
        logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        action VARCHAR NOT NULL,
        detail JSON
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
