-- Several instances on one PostgreSQL (issue 22). Nothing here is the organisation's data, so it lives in a schema
-- of its own: the SQLite twin of this file has nothing to do (one process needs neither), and the two engines'
-- application schema stays the same.
CREATE SCHEMA kaskade_live;

-- The Socket.IO PostgreSQL adapter relays a message through NOTIFY; one over NOTIFY's 8000-byte limit (a burst of
-- moves to one board) is stored here and the NOTIFY names its row. The adapter deletes rows older than 30 s.
CREATE TABLE kaskade_live.socket_io_attachments (
  id         BIGSERIAL UNIQUE,
  created_at TIMESTAMPTZ DEFAULT NOW(),
  payload    BYTEA
);

-- Every instance keeps the access version it last read and hears here, as the change commits, that it moved (a role
-- removed, a device revoked on another instance), instead of reading the version again for every command. NOTIFY is
-- delivered only if the transaction commits, and in commit order; identical notifications of one transaction are
-- folded into one.
CREATE OR REPLACE FUNCTION bump_access_version() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  moved BIGINT;
BEGIN
  UPDATE access_version SET n = n + 1 RETURNING n INTO moved;
  PERFORM pg_notify('kaskade_access_version', moved::text);
  RETURN NULL;
END;
$$;

-- Sign-in and enrolment attempts per client and route, counted in the database the instances share when there is no
-- Redis (REDIS_URL), so an attacker spread over the instances meets one limit. Expired rows are deleted as attempts
-- come in.
CREATE TABLE kaskade_live.rate_limits (
  key        TEXT PRIMARY KEY,
  count      BIGINT NOT NULL,
  expires_at TIMESTAMPTZ NOT NULL
);
