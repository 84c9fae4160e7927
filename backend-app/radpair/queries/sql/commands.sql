-- name: session_owner
SELECT user_id::text AS user_id FROM sessions WHERE id = %(session_id)s

-- name: recent_exchanges
SELECT expanded_query, response FROM commands
WHERE session_id = %(session_id)s AND user_id = %(user_id)s
ORDER BY created_at DESC, id DESC
LIMIT %(limit)s

-- name: insert_command
-- One statement (atomic on its own): creates the session when it is new, stores the command,
-- and writes its audit row.
WITH new_session AS (
  INSERT INTO sessions (id, user_id)
  SELECT %(session_id)s, %(user_id)s WHERE %(new_session)s
  ON CONFLICT (id) DO NOTHING
), stored AS (
  INSERT INTO commands (user_id, session_id, query, expanded_query, response, model, mode,
                        latency_ms, macros, fields, warnings)
  VALUES (%(user_id)s, %(session_id)s, %(query)s, %(expanded_query)s, %(response)s, %(model)s,
          %(mode)s, %(latency_ms)s, %(macros)s, %(fields)s, %(warnings)s)
  RETURNING id, created_at
), audited AS (
  INSERT INTO audit_events (actor_id, action, resource_type, resource_id, request_id)
  SELECT %(user_id)s, 'create', 'command', id, %(request_id)s FROM stored
)
SELECT id::text AS id, created_at FROM stored

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
-- The read is audited in the same statement.
WITH found AS (
  SELECT id, session_id, query, expanded_query, response, model, mode, latency_ms, macros,
         fields, warnings, created_at
  FROM commands WHERE id = %(command_id)s AND user_id = %(user_id)s
), audited AS (
  INSERT INTO audit_events (actor_id, action, resource_type, resource_id, request_id)
  SELECT %(user_id)s, 'read', 'command', id, %(request_id)s FROM found
)
SELECT id::text AS id, session_id::text AS session_id, query, expanded_query, response, model,
       mode, latency_ms, macros, fields, warnings, created_at
FROM found

-- name: delete_command
-- The deletion and its audit row in one statement; the row count is the number deleted.
WITH gone AS (
  DELETE FROM commands WHERE id = %(command_id)s AND user_id = %(user_id)s RETURNING id
)
INSERT INTO audit_events (actor_id, action, resource_type, resource_id, request_id)
SELECT %(user_id)s, 'delete', 'command', id, %(request_id)s FROM gone
