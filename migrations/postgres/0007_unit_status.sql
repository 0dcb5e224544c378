-- PostgreSQL mirror of migrations/0007_unit_status.sql (SQLite's WITHOUT ROWID has no counterpart to mirror: a
-- PostgreSQL table is always a heap beside its primary-key index).

CREATE TABLE unit_status (
  unit_id      TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('green', 'amber', 'red', 'none')),
  value        DOUBLE PRECISION,
  period_start TEXT,
  signal       INTEGER NOT NULL DEFAULT 0 CHECK (signal IN (0, 1)),
  rolled_up    INTEGER NOT NULL DEFAULT 0 CHECK (rolled_up IN (0, 1)),
  as_of        TEXT NOT NULL,
  PRIMARY KEY (unit_id, indicator_id)
);

CREATE TABLE rollup_values (
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  period_start TEXT NOT NULL,
  value        DOUBLE PRECISION NOT NULL,
  denominator  DOUBLE PRECISION,
  PRIMARY KEY (indicator_id, unit_id, period_start)
);

CREATE TABLE unit_status_built (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  built_at TEXT NOT NULL
);

CREATE INDEX org_units_by_parent_name ON org_units (parent_id, name, id);
CREATE INDEX boards_by_unit_and_id ON boards (unit_id, id);
