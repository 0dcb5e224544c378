-- Kaskade's first schema: the organisation, boards with columns and cards, indicators with targets and
-- measurements, and the append-only event log every board change is written to.
-- Times are ISO 8601 UTC text; dates are YYYY-MM-DD; ids are opaque text.

CREATE TABLE layers (
  id   TEXT PRIMARY KEY,
  rank INTEGER NOT NULL UNIQUE CHECK (rank >= 0),
  name TEXT NOT NULL,
  kind TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE org_units (
  id        TEXT PRIMARY KEY,
  parent_id TEXT REFERENCES org_units (id),
  layer_id  TEXT NOT NULL REFERENCES layers (id),
  name      TEXT NOT NULL
) STRICT;
CREATE INDEX org_units_by_parent ON org_units (parent_id);

CREATE TABLE boards (
  id         TEXT PRIMARY KEY,
  unit_id    TEXT NOT NULL REFERENCES org_units (id),
  name       TEXT NOT NULL,
  -- The last event's sequence number; bumped in the same transaction that appends the event.
  seq        INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
) STRICT;
CREATE INDEX boards_by_unit ON boards (unit_id);

CREATE TABLE columns (
  id        TEXT PRIMARY KEY,
  board_id  TEXT NOT NULL REFERENCES boards (id),
  name      TEXT NOT NULL,
  order_key TEXT NOT NULL
) STRICT;
CREATE UNIQUE INDEX columns_by_board ON columns (board_id, order_key);

CREATE TABLE cards (
  id          TEXT PRIMARY KEY,
  board_id    TEXT NOT NULL REFERENCES boards (id),
  column_id   TEXT NOT NULL REFERENCES columns (id),
  order_key   TEXT NOT NULL,
  type        TEXT NOT NULL CHECK (type IN ('action', 'idea', 'problem', 'decision')),
  title       TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  owner_name  TEXT NOT NULL DEFAULT '',
  due_date    TEXT,
  archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
-- The snapshot reads a board's live cards in column order; keys are unique among a column's live cards.
CREATE INDEX cards_by_board ON cards (board_id, archived, column_id, order_key);
CREATE UNIQUE INDEX cards_order_in_column ON cards (column_id, order_key) WHERE archived = 0;

CREATE TABLE indicators (
  id              TEXT PRIMARY KEY,
  unit_id         TEXT NOT NULL REFERENCES org_units (id),
  name            TEXT NOT NULL,
  unit_label      TEXT NOT NULL,
  direction       TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'range')),
  frequency       TEXT NOT NULL CHECK (frequency IN ('weekly', 'biweekly', 'monthly', 'quarterly')),
  kind            TEXT NOT NULL CHECK (kind IN ('hard', 'soft')),
  decimals        INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
  min_respondents INTEGER CHECK (min_respondents >= 0)
) STRICT;
CREATE INDEX indicators_by_unit ON indicators (unit_id);

-- Which indicators a board shows, in which order.
CREATE TABLE board_indicators (
  board_id     TEXT NOT NULL REFERENCES boards (id),
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  order_key    TEXT NOT NULL,
  PRIMARY KEY (board_id, indicator_id)
) STRICT;
CREATE INDEX board_indicators_by_indicator ON board_indicators (indicator_id);

-- Targets are per indicator and unit, so a unit below can carry its own translated target for the same indicator.
CREATE TABLE targets (
  id           INTEGER PRIMARY KEY,
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  unit_id      TEXT NOT NULL REFERENCES org_units (id),
  valid_from   TEXT NOT NULL,
  valid_to     TEXT,
  target       REAL,
  low          REAL,
  high         REAL,
  tolerance    REAL NOT NULL DEFAULT 0 CHECK (tolerance >= 0),
  CHECK (target IS NOT NULL OR (low IS NOT NULL AND high IS NOT NULL AND low <= high))
) STRICT;
CREATE INDEX targets_by_indicator ON targets (indicator_id, unit_id, valid_from);

CREATE TABLE measurements (
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  unit_id      TEXT NOT NULL REFERENCES org_units (id),
  period_start TEXT NOT NULL,
  value        REAL NOT NULL,
  numerator    REAL,
  denominator  REAL,
  respondents  INTEGER,
  note         TEXT NOT NULL DEFAULT '',
  recorded_at  TEXT NOT NULL,
  recorded_by  TEXT NOT NULL,
  PRIMARY KEY (indicator_id, unit_id, period_start)
) STRICT;

-- Append-only: every change to a board, in order. It is the sync log (clients catch up from it), the audit
-- trail and the history that meetings are rebuilt from. Rows are never updated or deleted.
CREATE TABLE events (
  board_id TEXT NOT NULL REFERENCES boards (id),
  seq      INTEGER NOT NULL,
  op_id    TEXT NOT NULL,
  actor    TEXT NOT NULL,
  at       TEXT NOT NULL,
  type     TEXT NOT NULL,
  payload  TEXT NOT NULL,
  PRIMARY KEY (board_id, seq)
) STRICT;
CREATE INDEX events_by_op ON events (op_id);

-- One row per applied command: the constraint that makes a retried opId a no-op.
CREATE TABLE operations (
  op_id    TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards (id),
  command  TEXT NOT NULL,
  actor    TEXT NOT NULL,
  at       TEXT NOT NULL
) STRICT;

CREATE TRIGGER events_are_append_only_update BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_are_append_only_delete BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
