-- PostgreSQL mirror of migrations/0006_maalstyring.sql. SQLite rebuilds `indicators` and `board_cadences` to widen
-- their CHECK constraints; PostgreSQL alters the constraints in place (the rebuilt tables have the same columns in
-- the same order, so the result is the same schema).

ALTER TABLE indicators DROP CONSTRAINT indicators_frequency_check,
  ADD CONSTRAINT indicators_frequency_check
    CHECK (frequency IN ('weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'));
-- Drift (operations), resultat (what the work delivers) or effekt (what it means for the citizen/patient).
ALTER TABLE indicators ADD COLUMN type TEXT NOT NULL DEFAULT 'resultat' CHECK (type IN ('drift', 'resultat', 'effekt'));

ALTER TABLE board_cadences DROP CONSTRAINT board_cadences_cadence_check,
  ADD CONSTRAINT board_cadences_cadence_check
    CHECK (cadence IN ('weekly', 'biweekly', 'monthly', 'quarterly', 'yearly'));

ALTER TABLE goals ADD COLUMN source TEXT NOT NULL DEFAULT '' CHECK (source IN ('', 'national', 'regional', 'own'));

CREATE TABLE goal_external_owners (
  goal_id TEXT NOT NULL REFERENCES goals (id),
  name    TEXT NOT NULL,
  status  TEXT NOT NULL DEFAULT 'none' CHECK (status IN ('green', 'amber', 'red', 'none')),
  PRIMARY KEY (goal_id, name)
);

ALTER TABLE initiatives ADD COLUMN investment DOUBLE PRECISION;
ALTER TABLE initiatives ADD COLUMN yearly_saving DOUBLE PRECISION;
ALTER TABLE initiatives ADD COLUMN expected_change TEXT NOT NULL DEFAULT '';
ALTER TABLE initiatives ADD COLUMN start_date TEXT;
ALTER TABLE initiatives ADD COLUMN conclusion TEXT NOT NULL DEFAULT '';
ALTER TABLE initiatives ADD COLUMN closed_at TEXT;

ALTER TABLE initiative_indicators ADD COLUMN baseline_value DOUBLE PRECISION;
ALTER TABLE initiative_indicators ADD COLUMN target_value DOUBLE PRECISION;

CREATE TABLE effect_chain_steps (
  goal_id      TEXT NOT NULL REFERENCES goals (id),
  position     INTEGER NOT NULL CHECK (position >= 0),
  kind         TEXT NOT NULL CHECK (kind IN ('indsats', 'resultat', 'effekt')),
  title        TEXT NOT NULL,
  indicator_id TEXT REFERENCES indicators (id),
  unit_id      TEXT REFERENCES org_units (id),
  PRIMARY KEY (goal_id, position)
);

CREATE TABLE goal_indicators (
  goal_id      TEXT NOT NULL REFERENCES goals (id),
  indicator_id TEXT NOT NULL REFERENCES indicators (id),
  PRIMARY KEY (goal_id, indicator_id)
);
CREATE INDEX goal_indicators_by_indicator ON goal_indicators (indicator_id);
