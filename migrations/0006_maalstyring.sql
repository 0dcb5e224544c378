-- Målstyring in depth: yearly indicators (LUP is a yearly national survey) and an indicator type (drift, resultat,
-- effekt) beside hard/soft; quarterly and yearly meeting cadences (the political level); goals tagged with their
-- source and owned together with partners outside the organisation; business cases on initiatives; effect chains.
-- CHECK constraints cannot be altered in SQLite, so `indicators` and `board_cadences` are rebuilt; the foreign keys
-- pointing at `indicators` are checked at commit, when the rebuilt table holds the same ids again.

PRAGMA defer_foreign_keys = ON;

CREATE TABLE indicators_new (
  id              TEXT PRIMARY KEY,
  unit_id         TEXT NOT NULL REFERENCES org_units (id),
  name            TEXT NOT NULL,
  unit_label      TEXT NOT NULL,
  direction       TEXT NOT NULL CHECK (direction IN ('higher', 'lower', 'range')),
  frequency       TEXT NOT NULL CHECK (frequency IN ('weekly', 'biweekly', 'monthly', 'quarterly', 'yearly')),
  kind            TEXT NOT NULL CHECK (kind IN ('hard', 'soft')),
  decimals        INTEGER NOT NULL DEFAULT 0 CHECK (decimals BETWEEN 0 AND 4),
  min_respondents INTEGER CHECK (min_respondents >= 0),
  mandatory       INTEGER NOT NULL DEFAULT 0 CHECK (mandatory IN (0, 1)),
  rollup          TEXT CHECK (rollup IN ('sum', 'mean', 'weighted')),
  -- Drift (operations), resultat (what the work delivers) or effekt (what it means for the citizen/patient).
  type            TEXT NOT NULL DEFAULT 'resultat' CHECK (type IN ('drift', 'resultat', 'effekt'))
) STRICT;
INSERT INTO indicators_new (id, unit_id, name, unit_label, direction, frequency, kind, decimals, min_respondents,
  mandatory, rollup)
  SELECT id, unit_id, name, unit_label, direction, frequency, kind, decimals, min_respondents, mandatory, rollup
  FROM indicators;
DROP TABLE indicators;
ALTER TABLE indicators_new RENAME TO indicators;
CREATE INDEX indicators_by_unit ON indicators (unit_id);

CREATE TABLE board_cadences_new (
  board_id          TEXT PRIMARY KEY REFERENCES boards (id),
  cadence           TEXT NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly', 'quarterly', 'yearly')),
  next_meeting_date TEXT,
  meeting_minutes   INTEGER NOT NULL DEFAULT 15 CHECK (meeting_minutes BETWEEN 1 AND 240)
) STRICT;
INSERT INTO board_cadences_new SELECT board_id, cadence, next_meeting_date, meeting_minutes FROM board_cadences;
DROP TABLE board_cadences;
ALTER TABLE board_cadences_new RENAME TO board_cadences;

-- Where a goal comes from: a national goal, a regional goal, or the unit's own focus area ('' when not said).
ALTER TABLE goals ADD COLUMN source TEXT NOT NULL DEFAULT '' CHECK (source IN ('', 'national', 'regional', 'own'));

-- Owners outside the organisation of a cross-cutting goal (a municipality, general practice), with their own
-- status as they report it; the organisation's owners get theirs from the goal's indicator.
CREATE TABLE goal_external_owners (
  goal_id TEXT NOT NULL REFERENCES goals (id),
  name    TEXT NOT NULL,
  status  TEXT NOT NULL DEFAULT 'none' CHECK (status IN ('green', 'amber', 'red', 'none')),
  PRIMARY KEY (goal_id, name)
) STRICT;

-- The business case of an initiative: what it costs, what it should bring each year, when it pays back, and its
-- conclusion once closed (an open one stays on the agendas of the boards whose indicators it should move).
ALTER TABLE initiatives ADD COLUMN investment REAL;
ALTER TABLE initiatives ADD COLUMN yearly_saving REAL;
ALTER TABLE initiatives ADD COLUMN expected_change TEXT NOT NULL DEFAULT '';
ALTER TABLE initiatives ADD COLUMN start_date TEXT;
ALTER TABLE initiatives ADD COLUMN conclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE initiatives ADD COLUMN closed_at TEXT;

-- The indicator value the initiative starts from and aims at, per indicator it should move.
ALTER TABLE initiative_indicators ADD COLUMN baseline_value REAL;
ALTER TABLE initiative_indicators ADD COLUMN target_value REAL;

-- An effect chain: indsats → resultat → effekt for borgeren, each step with its indicator (at a unit).
CREATE TABLE effect_chain_steps (
  goal_id      TEXT NOT NULL REFERENCES goals (id),
  position     INTEGER NOT NULL CHECK (position >= 0),
  kind         TEXT NOT NULL CHECK (kind IN ('indsats', 'resultat', 'effekt')),
  title        TEXT NOT NULL,
  indicator_id TEXT REFERENCES indicators (id),
  unit_id      TEXT REFERENCES org_units (id),
  PRIMARY KEY (goal_id, position)
) STRICT;

-- Further indicators a goal is followed by, beside its main one (`goals.indicator_id`): every indicator on a board
-- serves a goal, without a goal per indicator.
CREATE TABLE goal_indicators (
  goal_id      TEXT NOT NULL REFERENCES goals (id),
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  PRIMARY KEY (goal_id, indicator_id)
) STRICT;
CREATE INDEX goal_indicators_by_indicator ON goal_indicators (indicator_id);
