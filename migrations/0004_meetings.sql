-- Meetings and escalations: each board's meeting cadence, its meetings (agenda, timers, attendance and, once ended,
-- the minutes) and escalations of cards up the chain. Rows hold the entity as the last event carried it (JSON in
-- `body`); the columns beside it are what queries filter on. The event log stays the history of every step.

CREATE TABLE board_cadences (
  board_id          TEXT PRIMARY KEY REFERENCES boards (id),
  cadence           TEXT NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
  next_meeting_date TEXT,
  meeting_minutes   INTEGER NOT NULL DEFAULT 15 CHECK (meeting_minutes BETWEEN 1 AND 240)
) STRICT;

CREATE TABLE meetings (
  id         TEXT PRIMARY KEY,
  board_id   TEXT NOT NULL REFERENCES boards (id),
  status     TEXT NOT NULL CHECK (status IN ('running', 'ended')),
  started_at TEXT NOT NULL,
  ended_at   TEXT,
  body       TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_by_board ON meetings (board_id, started_at);
-- At most one running meeting per board.
CREATE UNIQUE INDEX meetings_one_running ON meetings (board_id) WHERE status = 'running';

CREATE TABLE escalations (
  id              TEXT PRIMARY KEY,
  card_id         TEXT NOT NULL REFERENCES cards (id),
  holder_board_id TEXT NOT NULL REFERENCES boards (id),
  status          TEXT NOT NULL CHECK (status IN ('open', 'answered', 'returned')),
  due_date        TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  body            TEXT NOT NULL
) STRICT;
CREATE INDEX escalations_by_card ON escalations (card_id);

-- Every board along an escalation's chain sees it (origin, each unit it passed, the one holding it now).
CREATE TABLE escalation_boards (
  escalation_id TEXT NOT NULL REFERENCES escalations (id),
  board_id      TEXT NOT NULL REFERENCES boards (id),
  PRIMARY KEY (escalation_id, board_id)
) STRICT;
CREATE INDEX escalation_boards_by_board ON escalation_boards (board_id);
