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
  {
    version: 2,
    name: 'imports: source checksums, rejected rows, flagged values, saved question models',
    sql: `
      -- One row per committed import; the checksum lets Heard recognise the same file imported again.
      CREATE TABLE imports (
        wave_id INTEGER PRIMARY KEY,
        source_path VARCHAR NOT NULL,
        sha256 VARCHAR NOT NULL,
        bytes BIGINT NOT NULL,
        kind VARCHAR NOT NULL,
        layout VARCHAR NOT NULL,
        encoding VARCHAR NOT NULL,
        sheet VARCHAR,
        data_rows BIGINT NOT NULL,
        rejected_rows BIGINT NOT NULL,
        warnings JSON NOT NULL
      );
      CREATE INDEX imports_sha ON imports (sha256);
      -- Records the reader could not turn into a row (unclosed quote, too many fields...): kept, with where and why.
      CREATE TABLE import_rejects (
        wave_id INTEGER NOT NULL,
        line BIGINT,
        column_name VARCHAR,
        reason VARCHAR NOT NULL,
        raw VARCHAR
      );
      -- Values that did not fit their column's type (a word in a numeric column): the cell is NULL in the wave
      -- table and the original text is here, so nothing is silently lost or turned into 0.
      CREATE TABLE flagged_values (
        wave_id INTEGER NOT NULL,
        _row BIGINT NOT NULL,
        line BIGINT,
        column_name VARCHAR NOT NULL,
        raw VARCHAR NOT NULL,
        reason VARCHAR NOT NULL
      );
      -- The reviewed question model of a survey, reused for its next wave.
      CREATE TABLE survey_models (
        survey_id INTEGER PRIMARY KEY,
        model JSON NOT NULL,
        updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      );
      -- How each distinct answer of a multi-choice column splits into options ("Yes, often;No" → two options).
      CREATE TABLE multi_splits (
        wave_id INTEGER NOT NULL,
        column_name VARCHAR NOT NULL,
        value VARCHAR NOT NULL,
        options VARCHAR[] NOT NULL,
        PRIMARY KEY (wave_id, column_name, value)
      );
      ALTER TABLE questions ADD COLUMN separator VARCHAR;
    `,
  },
  {
    version: 3,
    name: 'locality lookups: postcode directory and deprivation index',
    sql: `
      -- The user's ONS Postcode Directory extract, postcodes in pcds form. Both LSOA vintages are kept because
      -- deprivation indices are published on one or the other (IMD 2019 on 2011 LSOAs, later ones on 2021).
      CREATE TABLE lookup_postcodes (
        postcode VARCHAR PRIMARY KEY,
        ward_code VARCHAR,
        ward_name VARCHAR,
        lsoa_code VARCHAR,
        lsoa11_code VARCHAR,
        lsoa21_code VARCHAR,
        la_code VARCHAR,
        la_name VARCHAR,
        -- ONSPD doterm as given (yyyymm); NULL while the postcode is live.
        terminated VARCHAR,
        source VARCHAR NOT NULL
      );
      -- One deprivation index by LSOA (or data zone); decile 1 is the most deprived tenth.
      CREATE TABLE lookup_deprivation (
        lsoa_code VARCHAR PRIMARY KEY,
        decile INTEGER NOT NULL CHECK (decile BETWEEN 1 AND 10),
        rank DOUBLE,
        score DOUBLE,
        index_name VARCHAR NOT NULL
      );
    `,
  },
  {
    version: 4,
    name: 'weights saved by raking',
    sql: `
      CREATE SEQUENCE weight_id_seq START 1;
      -- One row per saved weight of a wave; its values are in table_name (wave_<wave>_weight_<id>), one row per
      -- respondent in row order (see src/weighting/weight-catalogue.ts for why one table per weight).
      CREATE TABLE weights (
        id INTEGER PRIMARY KEY DEFAULT nextval('weight_id_seq'),
        wave_id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL CHECK (kind IN ('raked')),
        table_name VARCHAR NOT NULL UNIQUE,
        base_weight VARCHAR,
        margins JSON NOT NULL,
        converged BOOLEAN NOT NULL,
        iterations INTEGER NOT NULL,
        max_error DOUBLE NOT NULL,
        n_eff DOUBLE NOT NULL,
        efficiency DOUBLE NOT NULL,
        trimming JSON,
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        UNIQUE (wave_id, name)
      );
    `,
  },
  {
    version: 5,
    name: 'importance/satisfaction pairs confirmed by the user, and KPI targets, per survey',
    sql: `
      -- The user's word on pairing, for every wave of a survey (questions are matched by name). It overrides the pair
      -- key the import stored in questions.pair: pair = the key the question now shares with its partner, or NULL for
      -- a question the user unpaired (left unpaired, and never paired automatically again); side = the side the user
      -- gave it (importance or satisfaction), which wins over the one read from its role, name or wording.
      CREATE TABLE survey_pairs (
        survey_id INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        pair VARCHAR,
        side VARCHAR CHECK (side IN ('importance', 'satisfaction')),
        updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        PRIMARY KEY (survey_id, name)
      );
      -- A gap KPI's target ("from 37 points (2016) to 30 by 2022"), kept with the pair's two questions so it is read
      -- against every wave of the survey.
      CREATE TABLE gap_targets (
        survey_id INTEGER NOT NULL,
        importance VARCHAR NOT NULL,
        satisfaction VARCHAR NOT NULL,
        target_value DOUBLE NOT NULL,
        target_year INTEGER NOT NULL,
        direction VARCHAR NOT NULL CHECK (direction IN ('lower', 'higher')),
        baseline_value DOUBLE,
        baseline_year INTEGER,
        updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        PRIMARY KEY (survey_id, importance, satisfaction),
        CHECK ((baseline_value IS NULL) = (baseline_year IS NULL))
      );
    `,
  },
  {
    version: 6,
    name: 'equality: population benchmarks and answer mappings',
    sql: `
      CREATE SEQUENCE benchmark_id_seq START 1;
      -- A population benchmark saved in the project (read from a file or entered by hand), so the Equality page and
      -- the report use the same figures; its populations are in benchmark_cells, one row per category.
      CREATE TABLE benchmarks (
        id INTEGER PRIMARY KEY DEFAULT nextval('benchmark_id_seq'),
        name VARCHAR NOT NULL UNIQUE,
        source_file VARCHAR NOT NULL,
        format VARCHAR NOT NULL,
        area_code VARCHAR,
        area_name VARCHAR,
        notes JSON NOT NULL,
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      );
      CREATE TABLE benchmark_cells (
        benchmark_id INTEGER NOT NULL,
        characteristic VARCHAR NOT NULL,
        label VARCHAR,
        position INTEGER NOT NULL,
        category VARCHAR NOT NULL,
        population DOUBLE NOT NULL CHECK (population >= 0),
        PRIMARY KEY (benchmark_id, characteristic, category)
      );
      -- How a survey's answers to a question count in a characteristic's categories (NULL: left out), as reviewed on
      -- the mapping screen. Keyed by survey, not wave, so the next wave reuses it.
      CREATE TABLE equality_mappings (
        survey_id INTEGER NOT NULL,
        variable VARCHAR NOT NULL,
        answer VARCHAR NOT NULL,
        category VARCHAR,
        source VARCHAR NOT NULL CHECK (source IN ('user', 'suggested')),
        updated_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        PRIMARY KEY (survey_id, variable, answer)
      );
    `,
  },
  {
    version: 7,
    name: 'themes: codeframes, codes, review notes, coding audit',
    sql: `
      -- A codeframe stands alone so one can code several waves and surveys (coded_questions links them).
      CREATE SEQUENCE codeframe_id_seq START 1;
      CREATE TABLE codeframes (
        id INTEGER PRIMARY KEY DEFAULT nextval('codeframe_id_seq'),
        name VARCHAR NOT NULL UNIQUE,
        description VARCHAR NOT NULL DEFAULT '',
        created_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      );
      CREATE SEQUENCE theme_id_seq START 1;
      -- parent holds the code of the net (two levels); keywords match stemmed, with * wildcards; see src/themes/rules.
      CREATE TABLE themes (
        id INTEGER PRIMARY KEY DEFAULT nextval('theme_id_seq'),
        codeframe_id INTEGER NOT NULL,
        code VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        description VARCHAR NOT NULL,
        keywords VARCHAR[] NOT NULL,
        exclusions VARCHAR[] NOT NULL,
        parent VARCHAR,
        examples VARCHAR[] NOT NULL,
        position INTEGER NOT NULL,
        -- Deleting, merging or splitting retires a theme rather than deleting it, so undo can bring it back.
        -- Codes are unique among a codeframe's active themes (checked in src/themes/codeframe-store.ts).
        retired BOOLEAN NOT NULL DEFAULT false
      );
      CREATE TABLE coded_questions (
        wave_id INTEGER NOT NULL,
        question VARCHAR NOT NULL,
        codeframe_id INTEGER NOT NULL,
        PRIMARY KEY (wave_id, question)
      );
      -- One row per (wave, question, _row, theme, source kind): auto codes (rule/model, present only) and human
      -- decisions (present or rejected) sit side by side, so agreement can compare them; a human row wins.
      -- No primary key: bulk writes replace whole sets of rows, and DuckDB's index would slow them.
      CREATE TABLE codes (
        wave_id INTEGER NOT NULL,
        question VARCHAR NOT NULL,
        _row BIGINT NOT NULL,
        theme_id INTEGER NOT NULL,
        present BOOLEAN NOT NULL,
        source VARCHAR NOT NULL CHECK (source IN ('rule', 'model', 'human')),
        confidence DOUBLE,
        coder VARCHAR,
        coded_at TIMESTAMP NOT NULL DEFAULT current_timestamp
      );
      -- Per response: language, sentiment, how certain the auto-coding was (review order), and whether a person
      -- has finished reviewing it.
      CREATE TABLE coded_responses (
        wave_id INTEGER NOT NULL,
        question VARCHAR NOT NULL,
        _row BIGINT NOT NULL,
        language VARCHAR NOT NULL,
        sentiment VARCHAR NOT NULL,
        sentiment_score DOUBLE NOT NULL,
        certainty DOUBLE,
        reviewed BOOLEAN NOT NULL DEFAULT false
      );
      CREATE SEQUENCE coding_audit_id_seq START 1;
      CREATE TABLE coding_audit (
        id BIGINT PRIMARY KEY DEFAULT nextval('coding_audit_id_seq'),
        wave_id INTEGER,
        question VARCHAR,
        codeframe_id INTEGER,
        action VARCHAR NOT NULL,
        summary VARCHAR NOT NULL,
        who VARCHAR,
        logged_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
        -- Themes to bring back or retire on undo (JSON {restore: ids, retire: ids}); NULL when nothing structural.
        undo_themes JSON,
        undoable BOOLEAN NOT NULL DEFAULT false,
        undone BOOLEAN NOT NULL DEFAULT false
      );
      -- What a change replaced, for undo: the codes and review state of the rows it touched, before it.
      CREATE TABLE coding_undo_rows (audit_id BIGINT NOT NULL, wave_id INTEGER NOT NULL, question VARCHAR NOT NULL, _row BIGINT NOT NULL, reviewed BOOLEAN);
      CREATE TABLE coding_undo_codes (
        audit_id BIGINT NOT NULL,
        wave_id INTEGER NOT NULL,
        question VARCHAR NOT NULL,
        _row BIGINT NOT NULL,
        theme_id INTEGER NOT NULL,
        present BOOLEAN NOT NULL,
        source VARCHAR NOT NULL,
        confidence DOUBLE,
        coder VARCHAR,
        coded_at TIMESTAMP NOT NULL
      );
    `,
  },
];

export const LATEST_SCHEMA_VERSION = migrations[migrations.length - 1]!.version;
