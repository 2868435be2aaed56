#!/usr/bin/env bash
# variants: release
# Collector processes killed with SIGKILL at random moments, many of them in
# the middle of their write transaction, while others keep writing: the
# database stays intact (integrity_check), no acknowledged submission is
# missing, none is stored twice, and the database still takes submissions.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"

cl_setup "$TEST_OUT/site" || finish
cl_setting rate_limit_per_hour 0
head -c 400000 /dev/urandom >"$TEST_OUT/att.pdf"
printf '%%PDF-1.4\n' | dd of="$TEST_OUT/att.pdf" conv=notrunc 2>/dev/null
printf '\n%%%%EOF\n' >>"$TEST_OUT/att.pdf"

python3 - "$COLLECT_CGI" "$CL_DB" "$TEST_OUT/att.pdf" "$TEST_OUT/acked.txt" "${CRASH_ROUNDS:-400}" <<'EOF'
import os, random, signal, subprocess, sys, time
cgi, db, att, acked_path, rounds = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
attachment = open(att, "rb").read()

def body(n):
    b = "XyZzy%d" % n
    parts = []
    for k, v in (("subject", "crash-%05d" % n), ("detail", "d %d" % n), ("consent", "yes"), ("website", ""), ("name", "N %d" % n)):
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (b, k, v)).encode())
    if n % 2:  # half carry an attachment, which makes the transaction longer
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"a.pdf\"\r\n"
                      "Content-Type: application/pdf\r\n\r\n" % b).encode() + attachment + b"\r\n")
    parts.append(("--%s--\r\n" % b).encode())
    return "multipart/form-data; boundary=" + b, b"".join(parts)

def start(n):
    ctype, data = body(n)
    env = {"PATH": os.environ["PATH"], "PRONGSAI_DB": db, "REQUEST_METHOD": "POST",
           "PATH_INFO": "/corruption" if n % 3 == 0 else "/complaint", "SCRIPT_NAME": "/cgi-bin/collect.cgi",
           "CONTENT_TYPE": ctype, "CONTENT_LENGTH": str(len(data)), "REMOTE_ADDR": "192.0.2.%d" % (n % 250),
           "HTTP_HOST": "127.0.0.1"}
    p = subprocess.Popen([cgi], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    p.stdin.write(data)
    p.stdin.close()
    return p

# the tracking code of an acknowledged submission (a corruption report's
# subject is sealed: the code is what both channels keep readable)
def code_of(out):
    for line in out.split(b"\r\n"):
        if line.startswith(b"Location:") and b"code=" in line:
            return line.split(b"code=")[1].split(b"&")[0].decode()
    return "?"

# how long does one take?
durations = []
for n in range(10):
    t = time.monotonic(); p = start(1000000 + n); p.stdout.read(); p.wait(); p.stdout.close()
    durations.append(time.monotonic() - t)
typical = sorted(durations)[len(durations) // 2]
print("# typical request: %.1f ms" % (typical * 1000))

acked, killed, n = [], 0, 0
running = []
for r in range(rounds):
    # keep 8 going at once; kill about half of them at a random moment
    while len(running) < 8:
        n += 1
        p = start(n)
        deadline = time.monotonic() + random.uniform(0, typical * 1.5) if random.random() < 0.5 else None
        running.append((n, p, deadline))
    time.sleep(typical / 20)
    still = []
    for (m, p, deadline) in running:
        if p.poll() is None and deadline is not None and time.monotonic() >= deadline:
            p.kill(); p.wait(); killed += 1
            p.stdout.close()
        elif p.poll() is not None:
            out = p.stdout.read(); p.stdout.close()
            if out.startswith(b"Status: 303"):
                acked.append(code_of(out))
        else:
            still.append((m, p, deadline))
    running = still
for (m, p, deadline) in running:
    out = p.stdout.read(); p.wait(); p.stdout.close()
    if out.startswith(b"Status: 303"):
        acked.append(code_of(out))
print("# started %d, killed %d, acknowledged %d" % (n, killed, len(acked)))
open(acked_path, "w").write("\n".join(sorted(acked)) + "\n")
EOF

sqlite3 "$CL_DB" "SELECT code FROM submissions WHERE code IS NOT NULL" | sort >"$TEST_OUT/stored.txt"
expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA integrity_check')" ok "integrity_check after the kills"
expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA foreign_key_check' | wc -l)" 0 "foreign_key_check"
missing=$(comm -23 "$TEST_OUT/acked.txt" "$TEST_OUT/stored.txt" | grep -c . || true)
expect_eq "$missing" 0 "no acknowledged submission is missing ($(grep -c . "$TEST_OUT/acked.txt") acknowledged)"
expect_eq "$(uniq -d "$TEST_OUT/stored.txt" | wc -l)" 0 "none stored twice"
[ "$(grep -c . "$TEST_OUT/acked.txt")" -gt 50 ] && pass "enough acknowledged to mean something" || fail "too few acknowledged"
# every stored submission is whole: its values (and attachment, when it had one) are there
# (a corruption report keeps no readable value: subject, details and consent are sealed)
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM submissions s WHERE
	(SELECT count(*) FROM submission_values v WHERE v.submission_id = s.id) <> (CASE channel WHEN 'corruption'
	THEN 0 ELSE 3 END) OR sealed IS NULL")" 0 "no half-written submission"
out=$(cl_cgi POST /complaint application/x-www-form-urlencoded 'subject=after&detail=the+crash&consent=yes&website=')
expect_eq "$(cl_status "$out")" 303 "the database still takes submissions"
finish
