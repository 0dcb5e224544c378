-- People, roles and wall screens. Secrets are never stored: sessions, device tokens and enrolment codes are kept
-- as SHA-256 hashes of random values, passwords as argon2id hashes. Times are ISO 8601 UTC text.

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name  TEXT NOT NULL,
  email         TEXT UNIQUE COLLATE NOCASE,
  -- NULL: the person signs in with OpenID Connect only.
  password_hash TEXT,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created_at    TEXT NOT NULL
) STRICT;

-- A role on a unit applies to the unit and every unit below it; the strongest role along the path wins.
CREATE TABLE role_assignments (
  user_id TEXT NOT NULL REFERENCES users (id),
  unit_id TEXT NOT NULL REFERENCES org_units (id),
  role    TEXT NOT NULL CHECK (role IN ('viewer', 'member', 'facilitator', 'admin')),
  PRIMARY KEY (user_id, unit_id)
) STRICT;
CREATE INDEX role_assignments_by_unit ON role_assignments (unit_id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- A wall screen: enrolled for one board with a one-time code, then known by a long-lived token until revoked.
CREATE TABLE devices (
  id               TEXT PRIMARY KEY,
  board_id         TEXT NOT NULL REFERENCES boards (id),
  name             TEXT NOT NULL,
  mode             TEXT NOT NULL CHECK (mode IN ('read', 'touch')),
  enrol_code_hash  TEXT UNIQUE,
  enrol_expires_at TEXT,
  token_hash       TEXT UNIQUE,
  created_by       TEXT NOT NULL,
  created_at       TEXT NOT NULL,
  enrolled_at      TEXT,
  last_seen_at     TEXT,
  revoked_at       TEXT
) STRICT;
CREATE INDEX devices_by_board ON devices (board_id);

-- Changes to people, roles and devices, beside the board events: the same append-only rule.
CREATE TABLE admin_events (
  id      INTEGER PRIMARY KEY,
  actor   TEXT NOT NULL,
  at      TEXT NOT NULL,
  type    TEXT NOT NULL,
  subject TEXT NOT NULL,
  payload TEXT NOT NULL
) STRICT;
CREATE INDEX admin_events_by_actor ON admin_events (actor);

CREATE TRIGGER admin_events_are_append_only_update BEFORE UPDATE ON admin_events
BEGIN SELECT RAISE(ABORT, 'admin events are append-only'); END;
CREATE TRIGGER admin_events_are_append_only_delete BEFORE DELETE ON admin_events
BEGIN SELECT RAISE(ABORT, 'admin events are append-only'); END;

CREATE INDEX events_by_actor ON events (actor);

-- Board templates: the columns and mandatory indicators a new board of a unit starts with.
CREATE TABLE board_templates (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  -- JSON: ["Nye forslag", "I gang", …] and ["indicator-id", …]
  columns    TEXT NOT NULL,
  indicators TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;
