-- Two-way sync: each side's record as last synced, seen through the mapping that reads it (its
-- view, canonical JSON). A run compares a changed record's view with it field by field, so it
-- sends only the fields that changed since the last sync (a lossy mapping, e.g. a full name
-- split into first and last, does not rewrite fields nobody edited) and merges edits of different
-- fields made on both sides without a conflict. NULL for pairs stored before this column.
ALTER TABLE id_map ADD COLUMN a_view VARCHAR;
ALTER TABLE id_map ADD COLUMN b_view VARCHAR;
