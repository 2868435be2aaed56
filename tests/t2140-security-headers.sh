#!/usr/bin/env bash
# Security headers (issue 19.15) from each of lighttpd, Apache and
# nginx+fcgiwrap with the configurations of docs/webserver/: every page and
# file of the site (a page, a form, a thank-you page, a missing page, CSS,
# JS, a font, data) has one Content-Security-Policy allowing only the site's
# own script and style files and no framing, X-Content-Type-Options: nosniff
# and Referrer-Policy same-origin (no-referrer would make the browser send
# "Origin: null" with a form, which the collector refuses); the collector's answers keep their own single CSP.
# That the site runs under this CSP with no violation is checked in the
# browser by t5100 (every page), t5110 and t2130 (the journeys).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

# header NAME FILE: the values of header NAME, one a line
header() { sed -n "s/^$1: //Ip" "$2" | tr -d '\r'; }

suite() {
	local K=$1 out=$TEST_OUT/$1 u h csp n=0
	cl_setup "$out" || return
	ws_start "$K" "$CL_PUBLIC" "$CL_DB" "$out/run" || { fail "$K: server did not start"; return; }
	for u in / /news/ /forms/corruption/ /forms/corruption/thanks/index.html /no/such/page/ \
		"/assets/css/$(ls "$CL_PUBLIC/assets/css" | grep '\.css$' | head -1)" \
		"/assets/js/$(ls "$CL_PUBLIC/assets/js" | grep '\.js$' | head -1)" \
		"/assets/fonts/$(ls "$CL_PUBLIC/assets/fonts" | grep '\.woff2$' | head -1)" /data/projects.csv; do
		n=$((n + 1))
		h=$out/h$n
		curl -s -o /dev/null -D "$h" "$WS_URL$u"
		csp=$(header Content-Security-Policy "$h")
		expect_eq "$(printf '%s\n' "$csp" | grep -c .)" 1 "$K $u: one Content-Security-Policy"
		case "; $csp;" in
		*"; script-src 'self';"*) ;;
		*) fail "$K $u: CSP script-src [$csp]" ;;
		esac
		case "; $csp;" in
		*"; style-src 'self';"*) ;;
		*) fail "$K $u: CSP style-src [$csp]" ;;
		esac
		case "; $csp;" in
		*"; frame-ancestors 'none';"*) pass "$K $u: CSP: own scripts and styles only, no framing" ;;
		*) fail "$K $u: CSP frame-ancestors [$csp]" ;;
		esac
		case $csp in *unsafe-* | *data:* | *"*"*) fail "$K $u: CSP allows unsafe sources: [$csp]" ;; esac
		expect_eq "$(header X-Content-Type-Options "$h")" nosniff "$K $u: nosniff"
		expect_eq "$(header Referrer-Policy "$h")" same-origin "$K $u: Referrer-Policy"
	done
	# the collector's own headers, not doubled by the server
	curl -s -o /dev/null -D "$out/hc" --data 'x=1' "$WS_URL/cgi-bin/collect.cgi/complaint"
	expect_eq "$(header Content-Security-Policy "$out/hc" | grep -c .)" 1 "$K collector: one CSP (its own)"
	expect_eq "$(header X-Content-Type-Options "$out/hc")" nosniff "$K collector: one nosniff"
	expect_eq "$(header Referrer-Policy "$out/hc")" no-referrer "$K collector: one Referrer-Policy"
	ws_stop
}

ws_each_server suite
finish
