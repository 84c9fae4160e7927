-- name: library_versions
SELECT version, site_version FROM macro_library_state WHERE singleton

-- name: site_macros_for_engine
SELECT id::text AS id, phrase, text, scope FROM macros WHERE scope = 'site'

-- name: user_macros_for_engine
SELECT id::text AS id, phrase, text, scope FROM macros
WHERE scope = 'user' AND owner_id = %(user_id)s

-- name: lock_site_library
-- Writes that nest are serialized per library, so two of them never both pass a cycle check
-- that each alone would fail; released at commit or rollback.
SELECT pg_advisory_xact_lock(hashtext('radpair.macro_library.site'))

-- name: share_site_library
SELECT pg_advisory_xact_lock_shared(hashtext('radpair.macro_library.site'))

-- name: lock_user_library
SELECT pg_advisory_xact_lock(hashtext('radpair.macro_library.user.' || %(owner_id)s::text))

-- name: get_macro
SELECT id::text AS id, phrase, normalized_phrase, text, shortcut, scope,
       owner_id::text AS owner_id, private, created_at, updated_at
FROM macros WHERE id = %(macro_id)s

-- name: search_visible_macros
SELECT id::text AS id, phrase, normalized_phrase, text, shortcut, scope,
       owner_id::text AS owner_id, private, created_at, updated_at
FROM macros
WHERE (scope = 'site' OR owner_id = %(user_id)s OR NOT private)
  -- A plain substring test: in LIKE, a searched `%%` or `_` would be a wildcard.
  AND (%(q)s::text IS NULL OR strpos(normalized_phrase, %(q)s::text) > 0
       OR lower(coalesce(shortcut, '')) = %(q)s::text)
  AND (%(after_phrase)s::text IS NULL
       OR (normalized_phrase, id) > (%(after_phrase)s::text, %(after_id)s::uuid))
ORDER BY normalized_phrase, id
LIMIT %(limit)s

-- name: export_visible_macros
SELECT phrase, text FROM macros
WHERE scope = 'site' OR owner_id = %(user_id)s OR NOT private
ORDER BY scope, normalized_phrase, id

-- name: insert_macro
INSERT INTO macros (phrase, normalized_phrase, text, shortcut, scope, owner_id, private)
VALUES (%(phrase)s, %(normalized_phrase)s, %(text)s, %(shortcut)s, %(scope)s, %(owner_id)s,
        %(private)s)
RETURNING id::text AS id, phrase, normalized_phrase, text, shortcut, scope,
          owner_id::text AS owner_id, private, created_at, updated_at

-- name: update_macro
UPDATE macros
SET phrase = %(phrase)s, normalized_phrase = %(normalized_phrase)s, text = %(text)s,
    shortcut = %(shortcut)s, private = %(private)s, updated_at = now()
WHERE id = %(macro_id)s
RETURNING id::text AS id, phrase, normalized_phrase, text, shortcut, scope,
          owner_id::text AS owner_id, private, created_at, updated_at

-- name: delete_macro
DELETE FROM macros WHERE id = %(macro_id)s

-- name: create_import_table
CREATE TEMPORARY TABLE IF NOT EXISTS macro_import
  (phrase text, normalized_phrase text, text text)
ON COMMIT DROP

-- name: empty_import_table
TRUNCATE macro_import

-- name: merge_import
-- %(private)s NULL: new rows public, existing rows keep their privacy; true/false: every row.
INSERT INTO macros (phrase, normalized_phrase, text, scope, owner_id, private)
SELECT phrase, normalized_phrase, text, %(scope)s, %(owner_id)s,
       COALESCE(%(private)s::boolean, false)
FROM macro_import
ORDER BY normalized_phrase
ON CONFLICT (scope, COALESCE(owner_id, '00000000-0000-0000-0000-000000000000'::uuid),
             normalized_phrase)
DO UPDATE SET phrase = EXCLUDED.phrase, text = EXCLUDED.text,
              private = COALESCE(%(private)s::boolean, macros.private), updated_at = now()
WHERE macros.text IS DISTINCT FROM EXCLUDED.text OR macros.phrase IS DISTINCT FROM EXCLUDED.phrase
   OR macros.private IS DISTINCT FROM COALESCE(%(private)s::boolean, macros.private)
RETURNING (xmax = 0) AS inserted
