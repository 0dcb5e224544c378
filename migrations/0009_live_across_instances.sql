-- Twin of migrations/postgres/0009_live_across_instances.sql, which prepares PostgreSQL for several instances (the
-- table the Socket.IO adapter relays large messages through, sign-in limits counted in the database, and a notification
-- when the access version moves).
-- One process on an SQLite file needs none of it: nothing to do here, but the numbering stays the same on both engines.
SELECT 1;
