-- Twin of migrations/postgres/0009_live_across_instances.sql, which prepares PostgreSQL for several instances (the
-- table the Socket.IO adapter relays large messages through, and a notification when the access version moves).
-- One process on an SQLite file needs neither: nothing to do here, but the numbering stays the same on both engines.
SELECT 1;
