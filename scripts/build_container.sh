#!/usr/bin/env bash
# Build the API image (needs a Docker engine).
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
exec docker build -t "${IMAGE:-radpair-api:latest}" "$ROOT"
