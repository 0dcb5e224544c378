-- Stored statuses are judged against the targets in force on a day; a target valid from a later day (or until an
-- earlier one) changes them when that day comes. The sweep that re-judges those cells records the last day it ran.
ALTER TABLE unit_status_built ADD COLUMN swept_day TEXT;
