-- name: record_event
INSERT INTO audit_events (actor_id, action, resource_type, resource_id, request_id, detail)
VALUES (%(actor_id)s, %(action)s, %(resource_type)s, %(resource_id)s, %(request_id)s, %(detail)s)

-- name: list_events
SELECT id, occurred_at, actor_id::text AS actor_id, action, resource_type,
       resource_id::text AS resource_id, request_id, detail
FROM audit_events
WHERE (%(actor_id)s::uuid IS NULL OR actor_id = %(actor_id)s::uuid)
  AND (%(resource_id)s::uuid IS NULL OR resource_id = %(resource_id)s::uuid)
  AND (%(action)s::text IS NULL OR action = %(action)s::text)
  AND (%(resource_type)s::text IS NULL OR resource_type = %(resource_type)s::text)
  AND (%(before_id)s::bigint IS NULL OR id < %(before_id)s::bigint)
ORDER BY id DESC
LIMIT %(limit)s
