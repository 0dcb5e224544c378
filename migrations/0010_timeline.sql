-- Twin of migrations/postgres/0010_timeline.sql, which gives PostgreSQL a timeline all instances read. An SQLite file
-- keeps its timeline in the file header (server/db/timeline.ts): nothing to do here, but the numbering stays the same.
SELECT 1;
