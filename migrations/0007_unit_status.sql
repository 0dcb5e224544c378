-- Region scale: each (unit, indicator) status kept current in the transaction that changes it (a measurement, a
-- target, a baseline, a roll-up setting), so the start page reads stored rows instead of recomputing the region.
-- No foreign keys: the rows are derived and rebuilt from measurements, targets and the tree whenever needed.

-- The status the overview shows for an indicator at a unit: from the unit's own series, or from the series rolled
-- up from the units below when it has none and the indicator has a roll-up.
CREATE TABLE unit_status (
  unit_id      TEXT NOT NULL,
  indicator_id TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('green', 'amber', 'red', 'none')),
  value        REAL,
  period_start TEXT,
  signal       INTEGER NOT NULL DEFAULT 0 CHECK (signal IN (0, 1)),
  rolled_up    INTEGER NOT NULL DEFAULT 0 CHECK (rolled_up IN (0, 1)),
  -- The day whose targets the status was judged against.
  as_of        TEXT NOT NULL,
  PRIMARY KEY (unit_id, indicator_id)
) STRICT, WITHOUT ROWID;

-- A parent's value per period rolled up from its children's (each child's own value, or its rolled-up one).
CREATE TABLE rollup_values (
  indicator_id TEXT NOT NULL,
  unit_id      TEXT NOT NULL,
  period_start TEXT NOT NULL,
  value        REAL NOT NULL,
  -- The summed weights of a weighted roll-up, so the level above can weigh this one.
  denominator  REAL,
  PRIMARY KEY (indicator_id, unit_id, period_start)
) STRICT, WITHOUT ROWID;

-- Set once the tables above have been built for the data already there (a database from before this migration).
CREATE TABLE unit_status_built (
  id       INTEGER PRIMARY KEY CHECK (id = 1),
  built_at TEXT NOT NULL
) STRICT;

-- The start page lists a unit's children by name; boards of a unit in id order (its first board is its board).
CREATE INDEX org_units_by_parent_name ON org_units (parent_id, name, id);
CREATE INDEX boards_by_unit_and_id ON boards (unit_id, id);
