-- The database's timeline (server/store/timeline-postgres.ts): which history its boards' seqs count. Clients re-join
-- with the seq and timeline they were told; in another timeline they get a snapshot instead of the events after it.
-- Every instance reads it here, so all agree. Like kaskade_live, it is not the organisation's data: a schema of its
-- own keeps the application schema the same on both engines (SQLite keeps its timeline in the file header).
CREATE SCHEMA kaskade_meta;
CREATE TABLE kaskade_meta.timeline (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  -- New for every database this migration creates; a restore that must not be taken for the same history sets a
  -- new one (README, "Backups on PostgreSQL"); migrate-to-postgres sets one when it copies.
  value TEXT NOT NULL
);
INSERT INTO kaskade_meta.timeline (id, value) VALUES (1, gen_random_uuid()::text);
