#!/usr/bin/env bash
# t1100: cron/rebuild and cron/post-receive.
#  - a good build through cron/rebuild produces OUT and logs start/ok;
#  - a content error makes cron/rebuild exit non-zero with OUT byte-identical
#    and nothing new left beside it;
#  - the lock: a held lock makes a run skip (exit 0, generator not run);
#    two concurrent runs never overlap (the second waits);
#  - the post-receive hook in a bare repository checks out a push to main
#    and rebuilds; a broken push leaves the published site as it was.
# variants: release
. "$(dirname "$0")/lib/test-lib.sh"

T=$TEST_OUT
REBUILD=$TOP/cron/rebuild
HOOK=$TOP/cron/post-receive
export GIT_AUTHOR_NAME=t1100 GIT_AUTHOR_EMAIL=t1100@example.invalid
export GIT_COMMITTER_NAME=t1100 GIT_COMMITTER_EMAIL=t1100@example.invalid
unset PRONGSAI_HOME PRONGSAI_CONTENT PRONGSAI_OUT PRONGSAI_DB PRONGSAI_LOG \
	PRONGSAI_BIN PRONGSAI_PULL PRONGSAI_LOCK PRONGSAI_LOCK_WAIT PRONGSAI_LOCK_HELD \
	PRONGSAI_THEME PRONGSAI_TODAY PRONGSAI_BRANCH PRONGSAI_MAKE

# checksums of every file under a directory (follows OUT if it is a symlink)
sums() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 -r sha256sum); }
# names beside OUT, without the lock file
beside() { (cd "$1" && find . -mindepth 1 -maxdepth 1 ! -name '*.rebuild.lock' | LC_ALL=C sort); }
# a project that names the wrong id: an error under docs/content-format.md
break_content() {
	mkdir -p "$1/projects/2569"
	cat >"$1/projects/2569/2569-998.md" <<'EOF'
---
id: 2569-997
fiscal_year: 2569
---
ไม่มีชื่อโครงการ
EOF
}

# The generator, as cron/rebuild runs it: a wrapper that counts the runs,
# notices overlapping runs, and uses valgrind when VALGRIND=1.
mkdir -p "$T/bin"
cat >"$T/bin/prongsai" <<EOF
#!/bin/sh
echo run >>"$T/calls"
if ! mkdir "$T/running" 2>/dev/null; then echo overlap >>"$T/overlap"; fi
[ -z "\${T1100_SLOW:-}" ] || sleep "\$T1100_SLOW"
rc=0
if [ "\${VALGRIND:-0}" = 1 ]; then
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$PRONGSAI" "\$@" || rc=\$?
else
	"$PRONGSAI" "\$@" || rc=\$?
fi
rmdir "$T/running"
exit \$rc
EOF
chmod +x "$T/bin/prongsai"
calls() { if [ -f "$T/calls" ]; then wc -l <"$T/calls" | tr -d ' '; else echo 0; fi; }

# --help
if "$REBUILD" --help >"$T/help.txt" 2>&1; then pass "rebuild --help exits 0"; else fail "rebuild --help exit status"; fi
expect_grep PRONGSAI_HOME "$T/help.txt" "rebuild --help lists PRONGSAI_HOME"
"$REBUILD" --bogus >/dev/null 2>&1; expect_eq "$?" 2 "rebuild with an unknown argument exits 2"

# ---- a good build ----
cp -r "$TOP/content" "$T/content"
mkdir -p "$T/site"
OUT=$T/site/public
export PRONGSAI_HOME=$TOP PRONGSAI_CONTENT=$T/content PRONGSAI_OUT=$OUT \
	PRONGSAI_BIN=$T/bin/prongsai PRONGSAI_LOG=$T/rebuild.log
rc=0; "$REBUILD" >"$T/good.stdout" 2>&1 || rc=$?
expect_eq "$rc" 0 "rebuild of the sample content exits 0"
if [ -f "$OUT/index.html" ]; then pass "OUT/index.html built"; else fail "no $OUT/index.html"; fi
expect_eq "$(wc -c <"$T/good.stdout" | tr -d ' ')" 0 "nothing printed when PRONGSAI_LOG is set"
expect_grep "start: content=$T/content out=$OUT" "$T/rebuild.log" "log has the start line"
expect_grep "ok: built $OUT" "$T/rebuild.log" "log has the ok line"
if grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}[+-][0-9]{4} prongsai-rebuild\[[0-9]+\]: start' "$T/rebuild.log"; then
	pass "log lines carry a timestamp"
else
	fail "log lines carry no timestamp: $(head -n 3 "$T/rebuild.log")"
fi
sums "$OUT" >"$T/sums.good"
if [ -s "$T/sums.good" ]; then pass "OUT has files"; else fail "OUT is empty"; fi

# the same content again: the same bytes (deterministic output)
rc=0; "$REBUILD" || rc=$?
expect_eq "$rc" 0 "second rebuild exits 0"
sums "$OUT" >"$T/sums.again"
if cmp -s "$T/sums.good" "$T/sums.again"; then pass "rebuild is deterministic"; else
	fail "rebuild of unchanged content changed OUT: $(diff "$T/sums.good" "$T/sums.again" | head -n 5)"; fi

# ---- a content error: non-zero, OUT untouched ----
beside "$T/site" >"$T/beside.before"
break_content "$T/content"
rc=0; "$REBUILD" >"$T/bad.stdout" 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then pass "rebuild with a content error exits non-zero ($rc)"; else fail "rebuild with a content error exited 0"; fi
sums "$OUT" >"$T/sums.bad"
if cmp -s "$T/sums.good" "$T/sums.bad"; then pass "OUT byte-identical after a failed build"; else
	fail "failed build changed OUT: $(diff "$T/sums.good" "$T/sums.bad" | head -n 5)"; fi
beside "$T/site" >"$T/beside.after"
if cmp -s "$T/beside.before" "$T/beside.after"; then pass "nothing left beside OUT"; else
	fail "a failed build left files beside OUT: $(diff "$T/beside.before" "$T/beside.after" | tr '\n' ' ')"; fi
expect_grep "2569-998.md" "$T/rebuild.log" "the generator's error names the file in the log"
expect_grep "FAILED: prongsai build exited $rc" "$T/rebuild.log" "log has the FAILED line"
rm -f "$T/content/projects/2569/2569-998.md"

# ---- the lock ----
LOCK=$OUT.rebuild.lock
if [ -f "$LOCK" ]; then pass "lock file beside OUT"; else fail "no lock file $LOCK"; fi
before=$(calls)
exec 8>>"$LOCK"
flock -n 8 || fail "could not take the free lock"
rc=0; PRONGSAI_LOCK_WAIT=0 "$REBUILD" || rc=$?
expect_eq "$rc" 0 "a run that finds the lock held exits 0 (LOCK_WAIT=0)"
rc=0; t0=$(date +%s); PRONGSAI_LOCK_WAIT=1 "$REBUILD" || rc=$?; t1=$(date +%s)
expect_eq "$rc" 0 "a run that waited 1s in vain exits 0"
if [ $((t1 - t0)) -ge 1 ]; then pass "LOCK_WAIT=1 waited"; else fail "LOCK_WAIT=1 did not wait"; fi
expect_eq "$(calls)" "$before" "the generator did not run while the lock was held"
expect_grep "skip: another rebuild holds $LOCK" "$T/rebuild.log" "log says skip"
exec 8>&-

# two at once: the second waits for the first, they never overlap
rm -f "$T/overlap"
before=$(calls)
T1100_SLOW=2 "$REBUILD" & p1=$!
sleep 0.5
T1100_SLOW=0 "$REBUILD" & p2=$!
rc1=0; wait "$p1" || rc1=$?
rc2=0; wait "$p2" || rc2=$?
expect_eq "$rc1:$rc2" "0:0" "two concurrent rebuilds both succeed"
expect_eq "$(calls)" "$((before + 2))" "both ran the generator"
if [ -f "$T/overlap" ]; then fail "two generator runs overlapped"; else pass "runs did not overlap"; fi
expect_grep "waiting up to 900s for another rebuild" "$T/rebuild.log" "the second run waited"
sums "$OUT" >"$T/sums.conc"
if cmp -s "$T/sums.good" "$T/sums.conc"; then pass "OUT intact after concurrent runs"; else fail "OUT differs after concurrent runs"; fi
unset PRONGSAI_HOME PRONGSAI_CONTENT PRONGSAI_OUT PRONGSAI_BIN PRONGSAI_LOG

# ---- the post-receive hook ----
BARE=$T/site.git WORK=$T/work HOUT=$T/hook-site/public CLONE=$T/clone
git init -q --bare -b main "$BARE"
cp "$HOOK" "$BARE/hooks/post-receive"
chmod +x "$BARE/hooks/post-receive"
git -C "$BARE" config core.hooksPath "$BARE/hooks"   # beats a global hooksPath
git -C "$BARE" config prongsai.home "$WORK"
git -C "$BARE" config prongsai.out "$HOUT"
git -C "$BARE" config prongsai.bin "$T/bin/prongsai"
git -C "$BARE" config prongsai.log "$T/hook.log"
mkdir -p "$T/hook-site"
git init -q -b main "$CLONE"
cp -r "$TOP/content" "$TOP/themes" "$TOP/cron" "$CLONE/"
mkdir -p "$CLONE/notes" && echo "removed by the second push" >"$CLONE/notes/t1100.txt"
git -C "$CLONE" add -A && git -C "$CLONE" commit -q -m "first"
rc=0; git -C "$CLONE" push -q "$BARE" main >"$T/push1.out" 2>&1 || rc=$?
expect_eq "$rc" 0 "first push accepted"
if [ -f "$HOUT/index.html" ]; then pass "hook built the site"; else fail "hook did not build $HOUT/index.html: $(tail -n 5 "$T/push1.out")"; fi
if [ -f "$WORK/content/site.yaml" ] && [ -x "$WORK/cron/rebuild" ]; then pass "hook checked main out"; else fail "work tree not checked out"; fi
expect_grep "published main" "$T/push1.out" "the pusher sees the result"
expect_grep "ok: built $HOUT" "$T/hook.log" "hook log has the rebuild's ok line"
git clone -q "$BARE" "$T/pullhome"   # for PRONGSAI_PULL=1 below

# second push: new news item, a deleted file
marker="t1100-hook-marker"
mkdir -p "$CLONE/content/news"
cat >"$CLONE/content/news/2026-11-20-t1100.md" <<EOF
---
title: ทดสอบการสร้างเว็บไซต์ใหม่ $marker
date: 2026-11-20
---
ข่าวทดสอบจาก t1100
EOF
git -C "$CLONE" rm -q notes/t1100.txt
git -C "$CLONE" add -A && git -C "$CLONE" commit -q -m "news"
rc=0; git -C "$CLONE" push -q "$BARE" main >"$T/push2.out" 2>&1 || rc=$?
expect_eq "$rc" 0 "second push accepted"
if grep -rqF "$marker" "$HOUT/"; then pass "the pushed news item is on the site"; else fail "news item not rebuilt: $(tail -n 5 "$T/push2.out")"; fi
if [ -e "$WORK/notes/t1100.txt" ]; then fail "a file deleted in git is still in the work tree"; else pass "deleted file removed from the work tree"; fi
sums "$HOUT" >"$T/hsums.good"

# PRONGSAI_PULL=1: a clone (made before the second push) pulls, then builds
mkdir -p "$T/pull-site"
pull() { PRONGSAI_HOME=$T/pullhome PRONGSAI_PULL=1 PRONGSAI_OUT=$T/pull-site/public \
	PRONGSAI_BIN=$T/bin/prongsai PRONGSAI_LOG=$T/pull.log "$REBUILD"; }
rc=0; pull >/dev/null 2>&1 || rc=$?
expect_eq "$rc" 0 "rebuild with PRONGSAI_PULL=1 exits 0"
expect_grep "pulled: " "$T/pull.log" "log says it pulled"
if grep -rqF "$marker" "$T/pull-site/public/"; then pass "the pulled news item is on the site"; else fail "PRONGSAI_PULL=1 did not pull before building"; fi
sums "$T/pull-site/public" >"$T/psums.good"
git -C "$T/pullhome" remote set-url origin "$T/no-such-repo.git"
rc=0; pull >"$T/pull-fail.out" 2>&1 || rc=$?
expect_eq "$rc" 3 "a failed pull exits 3"
expect_grep "FAILED: git pull" "$T/pull-fail.out" "a failed pull is said on stderr (for cron's mail)"
sums "$T/pull-site/public" >"$T/psums.bad"
if cmp -s "$T/psums.good" "$T/psums.bad"; then pass "site unchanged after a failed pull"; else fail "failed pull changed the site"; fi

# a broken push: accepted by git, the site stays, the pusher is told
break_content "$CLONE/content"
git -C "$CLONE" add -A && git -C "$CLONE" commit -q -m "broken"
rc=0; git -C "$CLONE" push -q "$BARE" main >"$T/push3.out" 2>&1 || rc=$?
expect_eq "$rc" 0 "broken push still accepted by git"
expect_grep "2569-998.md" "$T/push3.out" "the pusher sees the error"
expect_grep "is not published" "$T/push3.out" "the pusher is told nothing was published"
sums "$HOUT" >"$T/hsums.bad"
if cmp -s "$T/hsums.good" "$T/hsums.bad"; then pass "site unchanged after a broken push"; else fail "broken push changed the site"; fi

# another branch: nothing happens
git -C "$CLONE" checkout -q -b draft
echo draft >"$CLONE/notes.txt" && git -C "$CLONE" add -A && git -C "$CLONE" commit -q -m draft
before=$(calls)
rc=0; git -C "$CLONE" push -q "$BARE" draft >"$T/push4.out" 2>&1 || rc=$?
expect_eq "$rc" 0 "push to another branch accepted"
expect_eq "$(calls)" "$before" "push to another branch builds nothing"
if [ -e "$WORK/notes.txt" ]; then fail "another branch was checked out"; else pass "another branch not checked out"; fi
expect_eq "$(git -C "$BARE" symbolic-ref HEAD)" refs/heads/main "the bare repository's HEAD still names main"

finish
