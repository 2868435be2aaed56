#!/usr/bin/env bash
# variants: release
# A flood of slow senders cannot starve the site (issue 19.12).  Through
# each of lighttpd, Apache and nginx (docs/webserver/, collector behind
# fcgiwrap), 100 clients on 127.0.0.1 each start a POST to the collector and
# trickle its body a byte every half second.  While they do: at most
# WS_CGI_MAX (tests/lib/webserver) collectors run, yet at least one (the
# flood reaches it), and a static page still answers 200.  After the flood
# a submission is taken again.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
FLOOD=100
flood_pid=
cleanup() { [ -n "$flood_pid" ] && kill "$flood_pid" 2>/dev/null; ws_stop; }
trap cleanup EXIT

# collectors: how many collector requests run under the server (collect.cgi
# processes among the descendants of WS_PIDS, not counting the parser
# child each one forks), then the number of all such processes.
collectors() {
	ps -e -o pid=,ppid=,comm= | awk -v roots="${WS_PIDS[*]}" '
		{ parent[$1] = $2; comm[$1] = $3 }
		END {
			n = split(roots, r, " "); for (i = 1; i <= n; i++) mine[r[i]] = 1
			for (pass = 0; pass < 8; pass++) for (p in parent) if (parent[p] in mine) mine[p] = 1
			for (p in mine) if (comm[p] == "collect.cgi") { all++; if (comm[parent[p]] != "collect.cgi") req++ }
			print req + 0, all + 0
		}'
}

suite() {
	local K=$1 out=$TEST_OUT/$1 most=0 most_all=0 i req all st
	cl_setup "$out" || return
	cl_setting rate_limit_per_hour 0
	ws_start "$K" "$CL_PUBLIC" "$CL_DB" "$out/run" || { fail "$K: server did not start"; return; }
	python3 - "$WS_PORT" "$FLOOD" <<'EOF' >"$out/flood.log" 2>&1 &
import socket, sys, time
port, n = int(sys.argv[1]), int(sys.argv[2])
socks = []
for i in range(n):
    s = socket.create_connection(("127.0.0.1", port), timeout=5)
    s.sendall(b"POST /cgi-bin/collect.cgi/complaint HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n"
              b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\nsubject=" % port)
    socks.append(s)
print("connected", len(socks), flush=True)
while True:
    for s in list(socks):
        try:
            s.send(b"a")
        except OSError:
            socks.remove(s)
    time.sleep(0.5)
EOF
	flood_pid=$!
	for i in $(seq 100); do grep -q connected "$out/flood.log" && break; sleep 0.1; done
	expect_grep "connected $FLOOD" "$out/flood.log" "$K: $FLOOD slow senders connected"
	# watch for a few seconds while they trickle
	for i in $(seq 12); do
		read -r req all <<<"$(collectors)"
		[ "$req" -gt "$most" ] && most=$req
		[ "$all" -gt "$most_all" ] && most_all=$all
		sleep 0.5
	done
	st=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 "$WS_URL/news/")
	expect_eq "$st" 200 "$K: a static page answers during the flood"
	echo "# $K: $FLOOD slow senders: at most $most collector requests ($most_all collect.cgi processes) at a time"
	[ "$most" -le "$WS_CGI_MAX" ] && pass "$K: at most $most <= $WS_CGI_MAX collectors at a time" ||
		fail "$K: $most collectors at a time, more than $WS_CGI_MAX"
	[ "$most" -ge 1 ] && pass "$K: the flood reached the collector" || fail "$K: no collector ran during the flood"
	kill "$flood_pid" 2>/dev/null
	wait "$flood_pid" 2>/dev/null
	flood_pid=
	# the collector serves again once the senders are gone
	for i in $(seq 60); do
		st=$(curl -s -o /dev/null -w '%{http_code}' --max-time 30 \
			--data 'subject=after&detail=the+flood&consent=yes&website=' "$WS_URL/cgi-bin/collect.cgi/complaint")
		[ "$st" = 303 ] && break
		sleep 0.5
	done
	expect_eq "$st" 303 "$K: a submission is taken after the flood"
	ws_stop
}

ws_each_server suite
finish
