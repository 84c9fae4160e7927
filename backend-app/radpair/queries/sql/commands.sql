-- name: session_owner
SELECT user_id::text AS user_id FROM sessions WHERE id = %(session_id)s

-- name: recent_exchanges
SELECT expanded_query, response FROM commands
WHERE session_id = %(session_id)s AND user_id = %(user_id)s
ORDER BY created_at DESC, id DESC
LIMIT %(limit)s

-- name: insert_command
-- One statement (atomic on its own): creates the session when it is new, stores the command.
WITH new_session AS (
  INSERT INTO sessions (id, user_id)
  SELECT %(session_id)s, %(user_id)s WHERE %(new_session)s
  ON CONFLICT (id) DO NOTHING
)
INSERT INTO commands (user_id, session_id, query, expanded_query, response, model, mode,
                      latency_ms, macros, fields, warnings)
VALUES (%(user_id)s, %(session_id)s, %(query)s, %(expanded_query)s, %(response)s, %(model)s,
        %(mode)s, %(latency_ms)s, %(macros)s, %(fields)s, %(warnings)s)
RETURNING id::text AS id, created_at

-- name: list_commands
SELECT id::text AS id, session_id::text AS session_id, query, expanded_query, response, model,
       mode, latency_ms, macros, fields, warnings, created_at
FROM commands
WHERE user_id = %(user_id)s
  AND (%(session_id)s::uuid IS NULL OR session_id = %(session_id)s::uuid)
  AND (%(before_time)s::timestamptz IS NULL
       OR (created_at, id) < (%(before_time)s::timestamptz, %(before_id)s::uuid))
ORDER BY created_at DESC, id DESC
LIMIT %(limit)s

-- name: get_command
SELECT id::text AS id, session_id::text AS session_id, query, expanded_query, response, model,
       mode, latency_ms, macros, fields, warnings, created_at
FROM commands WHERE id = %(command_id)s AND user_id = %(user_id)s

-- name: delete_command
DELETE FROM commands WHERE id = %(command_id)s AND user_id = %(user_id)s
