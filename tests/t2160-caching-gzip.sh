#!/usr/bin/env bash
# variants: release
# Fingerprinted assets and compression (issue 11.14).  prongsai build
# writes the theme's files under name.HASH.ext too (HASH: 16 hex digits of
# the BLAKE2b of the content) and every page links to those; a stylesheet
# links the fonts' fingerprinted names.  Each of lighttpd, Apache and nginx
# (docs/webserver/) sends them with Cache-Control immutable for a year,
# nothing else as immutable, and gzip-compresses HTML, CSS, JS, JSON and CSV
# for a client that accepts it (the content unchanged once unpacked), but
# not the collector's answers (they may carry a tracking code).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT
FP='\.[0-9a-f]{16}\.[a-z0-9]+$'

# header NAME FILE
header() { sed -n "s/^$1: //Ip" "$2" | tr -d '\r'; }

cl_setup "$TEST_OUT/site" || finish
S=$CL_PUBLIC
css=$(sed -n 's/.*<link rel="stylesheet" href="\([^"]*\)".*/\1/p' "$S/index.html")
js=$(sed -n 's/.*<script src="\.\.\/\([^"]*\)".*/\1/p' "$S/track/index.html")
font=$(grep -o 'url("\.\./fonts/[^"]*")' "$S/$css" | head -1 | sed 's/url("\.\.\/\(.*\)")/assets\/\1/')
for f in "$css" "$js" "$font"; do
	if [[ $f =~ ^assets/.+$FP ]] && [ -f "$S/$f" ]; then pass "linked by its fingerprinted name: $f"; else fail "not a fingerprinted asset: [$f]"; fi
done
want=$(b2sum -l 128 "$S/assets/css/site.css" | cut -c1-16)
expect_eq "$css" "assets/css/site.$want.css" "the stylesheet's name is the BLAKE2b of its content"
cmp -s "$S/$css" "$S/assets/css/site.css" && pass "also under its own name" || fail "assets/css/site.css differs"
n=$(grep -rl 'assets/css/site\.css' "$S" --include='*.html' | wc -l)
expect_eq "$n" 0 "no page links the stylesheet's plain name"

suite() {
	local K=$1 out=$TEST_OUT/$1 u n=0 h b cc
	ws_start "$K" "$S" "$CL_DB" "$out/run" || { fail "$K: server did not start"; return; }
	mkdir -p "$out"
	# fingerprinted: immutable for a year
	for u in "$css" "$js" "$font"; do
		curl -s -o /dev/null -D "$out/h" "$WS_URL/$u"
		cc=$(header Cache-Control "$out/h")
		case $cc in *immutable*max-age=31536000* | *max-age=31536000*immutable*) pass "$K $u: $cc" ;;
		*) fail "$K $u: Cache-Control [$cc]" ;; esac
	done
	# anything else: not immutable
	for u in assets/css/site.css index.html data/projects.csv; do
		curl -s -o /dev/null -D "$out/h" "$WS_URL/$u"
		case $(header Cache-Control "$out/h") in *immutable*) fail "$K $u: immutable" ;; *) pass "$K $u: not immutable" ;; esac
	done
	# compressed for a client that accepts gzip, the same once unpacked
	for u in index.html news/index.html "$css" "$js" data/projects.json data/projects.csv; do
		n=$((n + 1))
		h=$out/g$n.h b=$out/g$n.gz
		curl -s -H 'Accept-Encoding: gzip' -o "$b" -D "$h" "$WS_URL/$u"
		if [ "$(header Content-Encoding "$h")" = gzip ] && gzip -dc <"$b" | cmp -s - "$S/$u"; then
			pass "$K $u: gzip ($(stat -c %s "$S/$u") -> $(stat -c %s "$b") bytes)"
		else
			fail "$K $u: Content-Encoding [$(header Content-Encoding "$h")], type [$(header Content-Type "$h")]"
		fi
		case $(header Vary "$h") in *Accept-Encoding*) ;; *) fail "$K $u: no Vary: Accept-Encoding" ;; esac
		curl -s -o "$b" -D "$h" "$WS_URL/$u"
		[ -z "$(header Content-Encoding "$h")" ] && cmp -s "$b" "$S/$u" && pass "$K $u: plain without Accept-Encoding" ||
			fail "$K $u: compressed for a client that did not ask"
	done
	# the collector's answers are not compressed
	curl -s -H 'Accept-Encoding: gzip' -o /dev/null -D "$out/hc" --data 'x=1' "$WS_URL/cgi-bin/collect.cgi/complaint"
	expect_eq "$(header Content-Encoding "$out/hc")" "" "$K: the collector's answer is not compressed"
	ws_stop
}

ws_each_server suite
finish
