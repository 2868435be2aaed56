#!/usr/bin/env bash
# variants: release
# A slow phone's upload is taken whole (issue 19.10).  Through each of
# lighttpd, Apache and nginx (docs/webserver/, collector behind fcgiwrap), a
# complaint with two PDF attachments, 6.2 MB in all (what the finding sent),
# is posted at 100 KB/s: about 62 s, past the 60 s that used to end it with
# a 500.  The collector allows 30 s plus the announced body at 50 KiB/s
# (sandbox_time_limit()), and the servers' own limits are per idle read, so
# the answer is 303 and both files are stored.  The form page says what is
# allowed (number and size of files) in Thai.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

suite() {
	local K=$1 out=$TEST_OUT/$1 f got t0 t1
	cl_setup "$out" || return
	cl_setting rate_limit_per_hour 0
	for f in a b; do
		head -c 3100000 /dev/urandom | base64 -w 76 | head -c 3100000 >"$out/$f.pdf"
		printf '%%PDF-1.4\n' | dd of="$out/$f.pdf" conv=notrunc 2>/dev/null
		printf '\n%%%%EOF\n' >>"$out/$f.pdf"
	done
	ws_start "$K" "$CL_PUBLIC" "$CL_DB" "$out/run" || { fail "$K: server did not start"; return; }
	t0=$(date +%s)
	got=$(curl -s -o "$out/resp.b" -w '%{http_code}' --limit-rate 100K -F subject=slow -F detail=upload \
		-F consent=yes -F website= -F "attachments=@$out/a.pdf;type=application/pdf" \
		-F "attachments=@$out/b.pdf;type=application/pdf" "$WS_URL/cgi-bin/collect.cgi/complaint")
	t1=$(date +%s)
	echo "# $K: 6.2 MB at 100 KB/s: $((t1 - t0)) s"
	expect_eq "$got" 303 "$K: a 6.2 MB upload at 100 KB/s is taken"
	expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM attachments")" 2 "$K: both files stored"
	ws_stop
}

# the form page states the number and the size of the files allowed, in Thai
cl_setup "$TEST_OUT/page" || finish
grep -q 'JPEG, PNG หรือ PDF ไม่เกิน 3 ไฟล์ ไฟล์ละไม่เกิน 5 MB' "$CL_PUBLIC/forms/complaint/index.html" &&
	pass "the form says what may be attached, in Thai" || fail "the form does not say what may be attached"
ws_each_server_parallel suite
finish
