-- PostgreSQL mirror of migrations/0004_meetings.sql.

CREATE TABLE board_cadences (
  board_id          TEXT PRIMARY KEY REFERENCES boards (id),
  cadence           TEXT NOT NULL CHECK (cadence IN ('weekly', 'biweekly', 'monthly')),
  next_meeting_date TEXT,
  meeting_minutes   INTEGER NOT NULL DEFAULT 15 CHECK (meeting_minutes BETWEEN 1 AND 240)
);

CREATE TABLE meetings (
  id         TEXT PRIMARY KEY,
  board_id   TEXT NOT NULL REFERENCES boards (id),
  status     TEXT NOT NULL CHECK (status IN ('running', 'ended')),
  started_at TEXT NOT NULL,
  ended_at   TEXT,
  body       TEXT NOT NULL
);
CREATE INDEX meetings_by_board ON meetings (board_id, started_at);
CREATE UNIQUE INDEX meetings_one_running ON meetings (board_id) WHERE status = 'running';

CREATE TABLE escalations (
  id              TEXT PRIMARY KEY,
  card_id         TEXT NOT NULL REFERENCES cards (id),
  holder_board_id TEXT NOT NULL REFERENCES boards (id),
  status          TEXT NOT NULL CHECK (status IN ('open', 'answered', 'returned')),
  due_date        TEXT NOT NULL,
  updated_at      TEXT NOT NULL,
  body            TEXT NOT NULL
);
CREATE INDEX escalations_by_card ON escalations (card_id);

CREATE TABLE escalation_boards (
  escalation_id TEXT NOT NULL REFERENCES escalations (id),
  board_id      TEXT NOT NULL REFERENCES boards (id),
  PRIMARY KEY (escalation_id, board_id)
);
CREATE INDEX escalation_boards_by_board ON escalation_boards (board_id);
