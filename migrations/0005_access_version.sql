-- A number that every change to who may do what on a board moves on, so the server can keep its answers to
-- "may this user or wall screen read or change this board?" (asked on every command) until it does. Triggers,
-- not the application, bump it: a change made by another process, or by hand, counts as well.
CREATE TABLE access_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  INTEGER NOT NULL
) STRICT;
INSERT INTO access_version (id, n) VALUES (1, 0);

-- Roles, and the users who hold them (a disabled user holds none).
CREATE TRIGGER role_assignments_access_insert AFTER INSERT ON role_assignments
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER role_assignments_access_update AFTER UPDATE ON role_assignments
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER role_assignments_access_delete AFTER DELETE ON role_assignments
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER users_access_insert AFTER INSERT ON users
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER users_access_update AFTER UPDATE OF id, disabled ON users
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER users_access_delete AFTER DELETE ON users
BEGIN UPDATE access_version SET n = n + 1; END;

-- Where a board sits in the organisation, and the organisation's shape (a role covers the units below its own).
CREATE TRIGGER boards_access_insert AFTER INSERT ON boards
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER boards_access_update AFTER UPDATE OF id, unit_id ON boards
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER boards_access_delete AFTER DELETE ON boards
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER org_units_access_insert AFTER INSERT ON org_units
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER org_units_access_update AFTER UPDATE OF id, parent_id ON org_units
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER org_units_access_delete AFTER DELETE ON org_units
BEGIN UPDATE access_version SET n = n + 1; END;

-- Wall screens: enrolled, revoked, moved to another board, switched between read and touch.
CREATE TRIGGER devices_access_insert AFTER INSERT ON devices
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER devices_access_update AFTER UPDATE OF id, board_id, mode, token_hash, revoked_at ON devices
BEGIN UPDATE access_version SET n = n + 1; END;
CREATE TRIGGER devices_access_delete AFTER DELETE ON devices
BEGIN UPDATE access_version SET n = n + 1; END;
