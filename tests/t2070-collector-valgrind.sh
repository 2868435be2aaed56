#!/usr/bin/env bash
# variants: release
# Collector requests under valgrind memcheck: no memory errors, no definite
# leaks in the parent process's request handling (see below for the parser).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
command -v valgrind >/dev/null || { fail "valgrind not installed (make deps-test)"; finish; }
cl_setup "$TEST_OUT/c" || finish
# The release collector is linked statically, and memcheck cannot vouch for
# static glibc's internals: link the same release objects dynamically.  The
# sandbox is built as for sanitizer builds (refused system calls fail with
# EPERM instead of killing the child), since valgrind itself makes a few.
real=$TEST_OUT/collect-dyn.cgi
B=$TOP/build/release
cc -std=c11 -O2 -g -DSANDBOX_SANITIZED -Icommon -I"$TOP/common" -c -o "$TEST_OUT/sandbox.o" "$TOP/collector/sandbox.c" \
	|| { fail "compile the sandbox"; finish; }
cc -pthread -o "$real" "$B/collector/main.o" "$TEST_OUT/sandbox.o" "$B/libcgi.a" "$B/libcommon.a" \
	$(pkg-config --libs sqlite3 libsodium libidn2 libturbojpeg libpng) -lunistring -lm || { fail "link a dynamic collector"; finish; }
COLLECT_CGI=$TEST_OUT/vg-cgi
cat >"$COLLECT_CGI" <<EOS
#!/bin/sh
exec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
	--trace-children=yes --log-file="$TEST_OUT/vg.%p.txt" "$real" "\$@"
EOS
chmod +x "$COLLECT_CGI"
# The body parser runs in a child with an address-space limit and a seccomp
# filter, under which valgrind itself cannot run; that path is covered by the
# ASan/UBSan variant and by libFuzzer (t2050).  Here: everything the parent
# process does before and around it.
r=$(cl_cgi GET /health '' '')
expect_eq "$(cl_status "$r")" 200 "health"
r=$(cl_cgi GET /complaint '' '')
expect_eq "$(cl_status "$r")" 405 "GET refused with 405"
r=$(cl_cgi POST /no-such-form application/x-www-form-urlencoded 'a=b')
expect_eq "$(cl_status "$r")" 404 "unknown form 404"
r=$(cl_cgi POST /complaint text/plain 'a=b')
expect_eq "$(cl_status "$r")" 415 "wrong content type 415"
r=$(cl_cgi POST /complaint application/x-www-form-urlencoded 'a=b' CONTENT_LENGTH=99999999999999999999999)
expect_eq "$(cl_status "$r")" 413 "huge CONTENT_LENGTH 413"
r=$(cl_cgi POST /complaint application/x-www-form-urlencoded 'a=b' HTTP_ORIGIN=https://evil.example)
expect_eq "$(cl_status "$r")" 403 "foreign origin 403"
errs=$(cat "$TEST_OUT"/vg.*.txt 2>/dev/null | grep -cE 'ERROR SUMMARY: [1-9]|definitely lost: [1-9]|Invalid (read|write)|uninitialised')
expect_eq "$errs" 0 "no memcheck errors or definite leaks ($(ls "$TEST_OUT"/vg.*.txt | wc -l) processes)"
[ "$errs" = 0 ] || cat "$TEST_OUT"/vg.*.txt | head -40 >&2
finish
