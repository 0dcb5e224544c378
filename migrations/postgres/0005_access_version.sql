-- PostgreSQL mirror of migrations/0005_access_version.sql: a number every change to who may do what moves on.
-- Triggers, not the application, bump it, so a change made by another instance or by hand counts as well.
-- Statement-level triggers (SQLite's are per row): the number only has to move, and a statement that changes many
-- rows moves it once. Each column list matches SQLite's, so a board's seq bump never touches this row.
CREATE TABLE access_version (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  n  BIGINT NOT NULL
);
INSERT INTO access_version (id, n) VALUES (1, 0);

CREATE FUNCTION bump_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE access_version SET n = n + 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER role_assignments_access_insert AFTER INSERT ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER role_assignments_access_update AFTER UPDATE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER role_assignments_access_delete AFTER DELETE ON role_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER users_access_insert AFTER INSERT ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER users_access_update AFTER UPDATE OF id, disabled ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER users_access_delete AFTER DELETE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();

CREATE TRIGGER boards_access_insert AFTER INSERT ON boards
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER boards_access_update AFTER UPDATE OF id, unit_id ON boards
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER boards_access_delete AFTER DELETE ON boards
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER org_units_access_insert AFTER INSERT ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER org_units_access_update AFTER UPDATE OF id, parent_id ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER org_units_access_delete AFTER DELETE ON org_units
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();

CREATE TRIGGER devices_access_insert AFTER INSERT ON devices
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER devices_access_update AFTER UPDATE OF id, board_id, mode, token_hash, revoked_at ON devices
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
CREATE TRIGGER devices_access_delete AFTER DELETE ON devices
  FOR EACH STATEMENT EXECUTE FUNCTION bump_access_version();
