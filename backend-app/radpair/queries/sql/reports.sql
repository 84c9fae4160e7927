-- name: drafting_commands
SELECT id::text AS id, expanded_query, response, created_at
FROM commands
WHERE user_id = %(owner_id)s AND id = ANY(%(command_ids)s::uuid[])
ORDER BY created_at, id

-- name: insert_report
-- One statement: the report and its working version 1 (a draft).
WITH report AS (
  INSERT INTO reports (owner_id, accession_number, modality, body_part, patient_ref, source,
                       command_ids)
  VALUES (%(owner_id)s, %(accession_number)s, %(modality)s, %(body_part)s, %(patient_ref)s,
          %(source)s, %(command_ids)s::uuid[])
  RETURNING id
), working AS (
  INSERT INTO report_versions (report_id, version, status, findings, impression, author_id)
  SELECT id, 1, 'draft', %(findings)s, %(impression)s, %(owner_id)s FROM report
)
SELECT id::text AS id FROM report

-- name: get_report
-- The owner's report with its current version; FOR UPDATE when the caller is about to change it.
SELECT r.id::text AS id, r.owner_id::text AS owner_id, r.accession_number, r.modality,
       r.body_part, r.patient_ref, r.source, r.command_ids::text[] AS command_ids,
       r.current_version, r.created_at, r.updated_at,
       v.version, v.status, v.findings, v.impression, v.addendum, v.warnings,
       v.acknowledgements, v.author_id::text AS author_id, v.created_at AS version_created_at,
       v.signed_at
FROM reports r
JOIN report_versions v ON v.report_id = r.id AND v.version = r.current_version
WHERE r.id = %(report_id)s AND r.owner_id = %(owner_id)s

-- name: lock_report
-- The owner's report row, locked until the transaction ends; get_report then reads it whole.
SELECT 1 FROM reports WHERE id = %(report_id)s AND owner_id = %(owner_id)s FOR UPDATE

-- name: list_reports
SELECT r.id::text AS id, r.accession_number, r.modality, r.body_part, r.patient_ref,
       r.current_version AS version, v.status, r.created_at, r.updated_at
FROM reports r
JOIN report_versions v ON v.report_id = r.id AND v.version = r.current_version
WHERE r.owner_id = %(owner_id)s
  AND (%(before_time)s::timestamptz IS NULL
       OR (r.created_at, r.id) < (%(before_time)s::timestamptz, %(before_id)s::uuid))
ORDER BY r.created_at DESC, r.id DESC
LIMIT %(limit)s

-- name: list_versions
-- Every version of a report, oldest first, with the text each one added.
SELECT version, status, findings, impression, addendum, warnings, acknowledgements,
       author_id::text AS author_id, created_at, signed_at
FROM report_versions
WHERE report_id = %(report_id)s
ORDER BY version

-- name: update_report
UPDATE reports
SET accession_number = %(accession_number)s, modality = %(modality)s,
    body_part = %(body_part)s, patient_ref = %(patient_ref)s, updated_at = clock_timestamp()
WHERE id = %(report_id)s

-- name: update_working_version
-- Only an unsigned version 1 can change (a trigger refuses signed ones in any case).
UPDATE report_versions
SET findings = %(findings)s, impression = %(impression)s, status = %(status)s,
    updated_at = clock_timestamp()
WHERE report_id = %(report_id)s AND version = 1 AND signed_at IS NULL

-- name: sign_working_version
UPDATE report_versions
SET status = 'final', warnings = %(warnings)s, acknowledgements = %(acknowledgements)s,
    signed_at = clock_timestamp(), updated_at = clock_timestamp()
WHERE report_id = %(report_id)s AND version = 1 AND signed_at IS NULL

-- name: insert_addendum
-- A new version, signed as it is written, and the report now points at it.
WITH added AS (
  INSERT INTO report_versions (report_id, version, status, findings, impression, addendum,
                               warnings, acknowledgements, author_id, signed_at)
  VALUES (%(report_id)s, %(version)s, %(status)s, %(findings)s, %(impression)s, %(addendum)s,
          %(warnings)s, %(acknowledgements)s, %(author_id)s, clock_timestamp())
  RETURNING report_id, version
)
UPDATE reports r
SET current_version = added.version, updated_at = clock_timestamp()
FROM added
WHERE r.id = added.report_id

-- name: delete_report
-- Signed versions are never deleted: the handler refuses, and their trigger would too.
DELETE FROM reports WHERE id = %(report_id)s AND owner_id = %(owner_id)s
