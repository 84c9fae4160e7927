#!/usr/bin/env bash
# Tools the test suite drives besides Python: Debian's Chromium (browser test), wrk (benchmarks),
# nginx-light (slow-client tests) and playwright-core from npm (no browser download). Installs
# what is missing; a no-op otherwise.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
# nginx: the slow-client tests run the deploy config in front of gunicorn.
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
        echo "setup-test-tools: installing ${missing[*]}" >&2
        apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "setup-test-tools: please install: ${missing[*]}" >&2
        exit 1
    fi
fi
browser_dir="$ROOT/backend-app/tests/browser"
if [ -f "$browser_dir/package.json" ] && [ ! -d "$browser_dir/node_modules/playwright-core" ]; then
    (cd "$browser_dir" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --silent --no-audit --no-fund)
fi
