#!/usr/bin/env bash
# Create a user on the server's database:
#   echo "$PASSWORD" | scripts/create-user.sh --email E --password-stdin [--role admin|user] [--username U]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
use_python
select_database
trap stop_embedded_if_started EXIT
"$PY" -m radpair migrate >/dev/null
"$PY" -m radpair create-user "$@"
