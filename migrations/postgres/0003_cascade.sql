-- PostgreSQL mirror of migrations/0003_cascade.sql.

CREATE TABLE goals (
  id           TEXT PRIMARY KEY,
  parent_id    TEXT REFERENCES goals (id),
  title        TEXT NOT NULL,
  external     TEXT NOT NULL DEFAULT '',
  measure      TEXT NOT NULL DEFAULT '',
  why          TEXT NOT NULL DEFAULT '',
  realism      TEXT NOT NULL DEFAULT '',
  rationale    TEXT NOT NULL DEFAULT '',
  deadline     TEXT,
  indicator_id TEXT REFERENCES indicators (id),
  target       DOUBLE PRECISION,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
);
CREATE INDEX goals_by_parent ON goals (parent_id);
CREATE INDEX goals_by_indicator ON goals (indicator_id);

CREATE TABLE goal_owners (
  goal_id TEXT NOT NULL REFERENCES goals (id),
  unit_id TEXT NOT NULL REFERENCES org_units (id),
  PRIMARY KEY (goal_id, unit_id)
);
CREATE INDEX goal_owners_by_unit ON goal_owners (unit_id);

ALTER TABLE indicators ADD COLUMN mandatory INTEGER NOT NULL DEFAULT 0 CHECK (mandatory IN (0, 1));
ALTER TABLE indicators ADD COLUMN rollup TEXT CHECK (rollup IN ('sum', 'mean', 'weighted'));

CREATE TABLE baselines (
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  unit_id      TEXT NOT NULL REFERENCES org_units (id),
  baseline_to  TEXT NOT NULL,
  set_at       TEXT NOT NULL,
  set_by       TEXT NOT NULL,
  PRIMARY KEY (indicator_id, unit_id)
);

ALTER TABLE cards ADD COLUMN indicator_id TEXT REFERENCES indicators (id);

CREATE TABLE deviations (
  id           TEXT PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  unit_id      TEXT NOT NULL REFERENCES org_units (id),
  period_start TEXT NOT NULL,
  cause        TEXT NOT NULL,
  action       TEXT NOT NULL,
  card_id      TEXT REFERENCES cards (id),
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL
);
CREATE INDEX deviations_by_indicator ON deviations (indicator_id, unit_id, period_start);

CREATE TABLE initiatives (
  id              TEXT PRIMARY KEY,
  goal_id         TEXT NOT NULL REFERENCES goals (id),
  title           TEXT NOT NULL,
  baseline        TEXT NOT NULL DEFAULT '',
  expected_effect TEXT NOT NULL DEFAULT '',
  end_date        TEXT,
  done            INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),
  created_at      TEXT NOT NULL
);
CREATE INDEX initiatives_by_goal ON initiatives (goal_id);

CREATE TABLE initiative_indicators (
  initiative_id TEXT NOT NULL REFERENCES initiatives (id),
  indicator_id  TEXT NOT NULL REFERENCES indicators (id),
  PRIMARY KEY (initiative_id, indicator_id)
);

CREATE TABLE api_tokens (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  unit_id      TEXT NOT NULL REFERENCES org_units (id),
  token_hash   TEXT NOT NULL UNIQUE,
  created_at   TEXT NOT NULL,
  created_by   TEXT NOT NULL,
  revoked_at   TEXT,
  last_used_at TEXT
);
