#!/usr/bin/env bash
# variants: release
# Open data (issue 11.11): lookup tables (lookups.csv); lists in the JSON
# files are arrays (procurement bids: objects with name and price); data/oc4ids.json of
# the sample site and of the test fixture validates against the OC4IDS 0.9.5
# project-package schema (tests/oc4ids-0.9.5/, with its licence), statuses
# and metric ids from its codelists, the plan series included.
. "$(dirname "$0")/lib/test-lib.sh"
[ -d "$TOP/node_modules/ajv-draft-04" ] || { fail "node_modules missing: run make deps-node"; finish; }
site=$TEST_OUT/site
run_prongsai build -q -C "$TOP/content" -o "$site" --today 2026-11-24 2>/dev/null
expect_eq "$?" 0 "sample site builds"
node "$TOP/tests/lib/validate-oc4ids.mjs" "$site/data/oc4ids.json"
expect_eq "$?" 0 "sample data/oc4ids.json is valid OC4IDS 0.9.5"
expect_grep '"id":"plan-2026-' "$site/data/oc4ids.json" "the monthly plan series is published"
# lists are JSON arrays, not "a;b" strings
node -e '
const fs = require("fs"), d = process.argv[1];
const pj = JSON.parse(fs.readFileSync(d + "/projects.json")), rj = JSON.parse(fs.readFileSync(d + "/progress.json"));
const bad = pj.filter((p) => !Array.isArray(p.districts)).length + rj.filter((r) => !Array.isArray(r.kpis)).length;
const multi = pj.some((p) => p.districts.length > 1);
process.exit(bad === 0 && multi ? 0 : 1);' "$site/data"
expect_eq "$?" 0 "projects.json districts and progress.json kpis are JSON arrays"
node -e '
const fs = require("fs"), d = process.argv[1];
const pr = JSON.parse(fs.readFileSync(d + "/procurement.json"));
const bad = pr.filter((r) => !Array.isArray(r.bids) ||
	r.bids.some((b) => typeof b.name !== "string" || typeof b.price !== "number")).length;
process.exit(bad === 0 && pr.some((r) => r.bids.length > 1) ? 0 : 1);' "$site/data"
expect_eq "$?" 0 "procurement.json bids are arrays of {name, price}"
# lookup tables name every id the other files use
for kind in district group dimension person; do
	n=$(grep -c "^$kind," "$site/data/lookups.csv")
	[ "$n" -gt 0 ] && pass "lookups.csv: $n $kind rows" || fail "lookups.csv: no $kind rows"
done
expect_grep '"path":"lookups.csv"' "$site/data/datapackage.json" "datapackage lists lookups.csv"
expect_no_grep '@' "$site/data/lookups.csv" "lookups.csv publishes no e-mail address"
expect_no_grep 'see site.yaml' "$site/data/datapackage.json" "no reference to the unpublished site.yaml"
. "$TOP/tests/lib/fixture.sh"
make_case "$TEST_OUT/c"
run_prongsai build -q -C "$TEST_OUT/c" -o "$TEST_OUT/fx" --today 2026-04-15 2>/dev/null
expect_eq "$?" 0 "fixture builds"
node "$TOP/tests/lib/validate-oc4ids.mjs" "$TEST_OUT/fx/data/oc4ids.json"
expect_eq "$?" 0 "fixture data/oc4ids.json is valid OC4IDS 0.9.5"
finish
