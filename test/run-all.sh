#!/usr/bin/env bash
# `npm test`: the whole suite. Type and template checks, no runtime import circle, unit and integration tests on PGlite
# and on a real PostgreSQL (TEST_DATABASE_URL, else a throwaway cluster from the machine's
# PostgreSQL binaries, else PGlite only, said plainly), then browser tests in Debian's Chromium
# against the built app. Ends with the counts of tests run per part.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p tmp
export CI="${CI:-true}"
status=0

step() { printf '\n\033[1m== %s\033[0m\n' "$1"; }

step "svelte-check"
npx svelte-kit sync && npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings --output machine-verbose > tmp/svelte-check.log 2>&1
check_status=$?
tail -n 1 tmp/svelte-check.log
if [ $check_status -ne 0 ]; then grep -E '"type":"(ERROR|WARNING)"' tmp/svelte-check.log | head -40; status=1; fi

step "import circles (madge, type imports skipped)"
npm run --silent circles > tmp/circles.log 2>&1 || { cat tmp/circles.log; status=1; }
grep . tmp/circles.log | tail -n 1

step "build"
npx vite build > tmp/build.log 2>&1 || { tail -40 tmp/build.log; status=1; }

step "vitest (unit, integration on PGlite and PostgreSQL)"
rm -f tmp/vitest-counts.json
npx vitest run --reporter=default --reporter=./test/setup/count-reporter.ts || status=1

step "browser (Playwright + Chromium)"
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
	if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
		echo "Chromium absent : installation du paquet Debian chromium…"
		apt-get install -y chromium > tmp/apt-chromium.log 2>&1 || (apt-get update > /dev/null 2>&1 && apt-get install -y chromium > tmp/apt-chromium.log 2>&1)
	fi
fi
rm -f tmp/playwright.json
SKIP_BUILD=1 npx playwright test -c test/browser/playwright.config.ts || status=1

step "résumé"
node test/summary.mjs || status=1
exit $status
