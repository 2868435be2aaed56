#!/usr/bin/env bash
# variants: release
# 64 clients at once through lighttpd, thousands of submissions: every 303 is
# in the database exactly once, nothing else is, and PRAGMA integrity_check
# says ok.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

CLIENTS=${CONCURRENCY_CLIENTS:-64}
EACH=${CONCURRENCY_EACH:-40}
cl_setup "$TEST_OUT/site" || finish
cl_setting rate_limit_per_hour 0
ws_start lighttpd "$CL_PUBLIC" "$CL_DB" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }

python3 - "$WS_PORT" "$CLIENTS" "$EACH" "$TEST_OUT/results.tsv" <<'EOF'
import http.client, sys, threading, urllib.parse
port, clients, each, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
results, lock = [], threading.Lock()

def client(c):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    mine = []
    for i in range(each):
        subject = "c%02d-%04d" % (c, i)
        if i % 5 == 4:  # some surveys, which have no code
            form, body = "satisfaction", "website=&speed=5&courtesy=4&clarity=3&process=2&transparency=1&overall=5&comment=" + subject
        else:
            form = "corruption" if i % 5 == 3 else "complaint"
            body = urllib.parse.urlencode({"subject": subject, "detail": "ถนนชำรุด " + subject,
                                           "district": "dan-sai", "consent": "yes", "website": ""})
        try:
            conn.request("POST", "/cgi-bin/collect.cgi/" + form, body,
                         {"Content-Type": "application/x-www-form-urlencoded"})
            r = conn.getresponse()
            r.read()
            loc = r.getheader("Location") or ""
            mine.append((subject, form, r.status, loc.partition("code=")[2]))
        except Exception as e:
            mine.append((subject, form, 0, type(e).__name__))
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    with lock:
        results.extend(mine)

threads = [threading.Thread(target=client, args=(c,)) for c in range(clients)]
for t in threads: t.start()
for t in threads: t.join()
with open(out, "w") as f:
    for r in results:
        f.write("%s\t%s\t%s\t%s\n" % r)
EOF
ws_stop

total=$((CLIENTS * EACH))
expect_eq "$(wc -l <"$TEST_OUT/results.tsv")" "$total" "$total requests made"
ok=$(awk -F'\t' '$3 == 303' "$TEST_OUT/results.tsv" | wc -l)
echo "# statuses: $(cut -f3 "$TEST_OUT/results.tsv" | sort | uniq -c | tr '\n' ' ')"
expect_eq "$ok" "$total" "every request answered 303 (64 clients, default busy timeout)"
expect_eq "$(cl_count)" "$ok" "as many submissions stored as acknowledged"

# each acknowledged subject exactly once; each code exactly once and right
# (a corruption report's subject is sealed: those are matched by code alone)
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM submission_values v JOIN submissions s ON s.id = v.submission_id
	WHERE s.form_id = 'corruption' AND v.name = 'subject'")" 0 "no corruption subject in clear"
sqlite3 -separator $'\t' "$CL_DB" "SELECT coalesce(
	(SELECT value FROM submission_values v WHERE v.submission_id = s.id AND v.name = 'subject'),
	(SELECT value FROM submission_values v WHERE v.submission_id = s.id AND v.name = 'comment')),
	form_id, coalesce(code, '') FROM submissions s" | sort >"$TEST_OUT/stored.tsv"
awk -F'\t' '$3 == 303 { print ($2 == "corruption" ? "" : $1) "\t" $2 "\t" $4 }' "$TEST_OUT/results.tsv" |
	sort >"$TEST_OUT/acked.tsv"
if cmp -s "$TEST_OUT/stored.tsv" "$TEST_OUT/acked.tsv"; then
	pass "the stored submissions are exactly the acknowledged ones, codes included"
else
	fail "stored and acknowledged differ: $(diff "$TEST_OUT/acked.tsv" "$TEST_OUT/stored.tsv" | head -5)"
fi
expect_eq "$(sort "$TEST_OUT/stored.tsv" | uniq -d | wc -l)" 0 "no submission twice"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) - count(DISTINCT code) FROM submissions WHERE code IS NOT NULL")" 0 \
	"codes unique"
wal=$(stat -c %s "$CL_DB-wal" 2>/dev/null || echo 0)
[ "$wal" -lt $((16 << 20)) ] && pass "the WAL stays small ($wal bytes)" || fail "the WAL grew to $wal bytes"
expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA integrity_check')" ok "integrity_check"
expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA foreign_key_check' | wc -l)" 0 "foreign_key_check"
finish
