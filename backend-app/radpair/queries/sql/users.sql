-- name: get_user_by_email
SELECT id::text AS id, email, username, title, profile_picture, password_hash, role,
       created_at, last_login_at, disabled
FROM users WHERE email = lower(%(email)s)

-- name: get_user_by_id
SELECT id::text AS id, email, username, title, profile_picture, role, created_at,
       last_login_at, disabled
FROM users WHERE id = %(user_id)s

-- name: insert_user
INSERT INTO users (email, username, title, password_hash, role)
VALUES (lower(%(email)s), %(username)s, %(title)s, %(password_hash)s, %(role)s)
RETURNING id::text AS id, email, username, title, profile_picture, role, created_at,
          last_login_at, disabled

-- name: touch_last_login
UPDATE users SET last_login_at = now() WHERE id = %(user_id)s

-- name: count_users
SELECT count(*) AS n FROM users

-- name: lock_login_email
SELECT pg_advisory_xact_lock(hashtextextended('login:' || lower(%(email)s), 0))

-- name: recent_login_failures
SELECT count(*) AS failures,
       ceil(extract(epoch FROM (min(failed_at) + make_interval(secs => %(window_s)s) - now())))::int
         AS retry_after_s
FROM (
  SELECT failed_at FROM login_failures
  WHERE email = lower(%(email)s) AND failed_at > now() - make_interval(secs => %(window_s)s)
  ORDER BY failed_at DESC
  LIMIT %(limit)s
) recent

-- name: record_login_failure
INSERT INTO login_failures (email) VALUES (lower(%(email)s))

-- name: clear_login_failures
DELETE FROM login_failures
WHERE email = lower(%(email)s) OR failed_at < now() - make_interval(secs => %(window_s)s)

-- name: principal_state
-- Run on every authenticated request; it also reads the macro library's version counters so
-- a request that expands macros needs no second round trip to know its cache is current.
SELECT u.role, u.disabled,
       EXISTS (SELECT 1 FROM revoked_tokens r WHERE r.jti IN (%(jti)s, %(refresh_jti)s))
         AS revoked,
       m.version AS macro_version, m.site_version AS macro_site_version
FROM users u LEFT JOIN macro_library_state m ON m.singleton
WHERE u.id = %(user_id)s

-- name: revoke_token
INSERT INTO revoked_tokens (jti, user_id, expires_at)
VALUES (%(jti)s, %(user_id)s, to_timestamp(%(expires_at)s))
ON CONFLICT (jti) DO NOTHING

-- name: purge_expired_revocations
DELETE FROM revoked_tokens WHERE expires_at < now()
