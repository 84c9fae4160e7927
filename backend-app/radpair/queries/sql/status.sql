-- name: applied_changesets
SELECT id, author FROM databasechangelog ORDER BY orderexecuted

-- name: changelog_table_exists
SELECT to_regclass('databasechangelog') IS NOT NULL AS present
