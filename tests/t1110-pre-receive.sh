#!/usr/bin/env bash
# t1110: cron/pre-receive refuses a push to main that fails `prongsai check`,
# and the CI files' annotation step.
#  - a clean push is accepted and the bare repository's main moves;
#  - a push with a content error is refused: the push output shows the Thai
#    message as "remote: content/FILE:LINE:COL: error: ...", main does not move
#    and no temporary folder is left behind;
#  - several commits whose middle one is bad but whose tip is clean: accepted
#    (only the tip's tree is checked; the site is only built from the tip);
#    a bad tip after a clean middle: refused;
#  - another branch with the bad content is accepted (not published);
#    deleting it is accepted; deleting main is refused;
#  - two concurrent pushes of different clean commits: exactly one wins;
#  - the annotation block of docs/ci/github.yml and docs/ci/forgejo.yml, run on
#    a real check failure, prints ::error file=content/...,line=...,col=... lines;
#    the script of docs/ci/gitlab-ci.yml fails the job and prints content/FILE:LINE:COL.
# variants: release
. "$(dirname "$0")/lib/test-lib.sh"

T=$TEST_OUT
HOOK=$TOP/cron/pre-receive
export GIT_AUTHOR_NAME=t1110 GIT_AUTHOR_EMAIL=t1110@example.invalid
export GIT_COMMITTER_NAME=t1110 GIT_COMMITTER_EMAIL=t1110@example.invalid
unset PRONGSAI_HOME PRONGSAI_BIN PRONGSAI_BRANCH PRONGSAI_CONTENT_DIR PRONGSAI_LANG PRONGSAI_LOG PRONGSAI_TODAY
mkdir -p "$T/tmp"
export TMPDIR=$T/tmp    # the hook's temporary folders: checked for leftovers

BARE=$T/site.git CLONE=$T/clone
git init -q --bare -b main "$BARE"
install -m 755 "$HOOK" "$BARE/hooks/pre-receive"
git -C "$BARE" config core.hooksPath "$BARE/hooks"   # beats a global hooksPath
git -C "$BARE" config prongsai.bin "$PRONGSAI"
git -C "$BARE" config prongsai.log "$T/hook.log"
tip() { git -C "$BARE" rev-parse -q --verify "refs/heads/$1" 2>/dev/null || echo none; }
# a project that names the wrong id: an error at 2:5
break_content() {
	mkdir -p "$1/projects/2569"
	printf -- '---\nid: 2569-997\nfiscal_year: 2569\n---\nไม่มีชื่อโครงการ\n' >"$1/projects/2569/2569-998.md"
}
news() { # news N: a clean new file
	mkdir -p "$CLONE/content/news"
	printf -- '---\ntitle: ข่าวทดสอบ t1110 %s\ndate: 2026-11-20\n---\nข่าว\n' "$1" >"$CLONE/content/news/2026-11-20-t1110-$1.md"
}
commit() { git -C "$CLONE" add -A && git -C "$CLONE" commit -q -m "$1"; }
push() { # push OUTFILE ARGS...
	local out=$1; shift
	rc=0; git -C "$CLONE" push "$BARE" "$@" >"$out" 2>&1 || rc=$?
}
noleft() { expect_eq "$(find "$T/tmp" -mindepth 1 | wc -l | tr -d ' ')" 0 "$1: no temporary folder left"; }

# ---- a clean push ----
git init -q -b main "$CLONE"
cp -r "$TOP/content" "$CLONE/"
echo "t1110" >"$CLONE/README"
commit first
push "$T/push1.out" main
expect_eq "$rc" 0 "clean first push accepted"
expect_eq "$(tip main)" "$(git -C "$CLONE" rev-parse main)" "main moved to the pushed commit"
expect_grep "ผ่านการตรวจ" "$T/push1.out" "the pusher is told the check passed"
noleft "clean push"

# ---- a push with an error: refused ----
good=$(tip main)
break_content "$CLONE/content"
commit broken
push "$T/push2.out" main
if [ "$rc" -ne 0 ]; then pass "push with a content error refused (git exit $rc)"; else fail "push with a content error accepted"; fi
expect_eq "$(tip main)" "$good" "main did not move"
expect_grep 'remote: content/projects/2569/2569-998.md:2:5: error: id "2569-997" ต้องตรงกับชื่อไฟล์ "2569-998.md"' \
	"$T/push2.out" "the pusher sees the Thai message with file:line:col"
expect_grep "remote: ปฏิเสธการ push" "$T/push2.out" "the pusher is told the push was refused"
expect_grep "pre-receive hook declined" "$T/push2.out" "git reports the hook's refusal"
if git -C "$BARE" cat-file -e "$(git -C "$CLONE" rev-parse main)" 2>/dev/null; then
	fail "the refused commit is in the bare repository"
else pass "the refused commit's objects were not kept"; fi
noleft "refused push"

# the same bad commit on another branch: not published, accepted
push "$T/push3.out" main:draft
expect_eq "$rc" 0 "bad content on another branch accepted"
expect_eq "$(tip draft)" "$(git -C "$CLONE" rev-parse main)" "draft moved"
push "$T/push4.out" :draft
expect_eq "$rc" 0 "deleting another branch accepted"
expect_eq "$(tip draft)" none "draft deleted"

# ---- several commits: bad in the middle, clean tip ----
news fix
rm -f "$CLONE/content/projects/2569/2569-998.md"
commit "fix"
push "$T/push5.out" main
expect_eq "$rc" 0 "bad middle commit, clean tip: accepted (only the tip is checked)"
expect_eq "$(tip main)" "$(git -C "$CLONE" rev-parse main)" "main moved to the clean tip"

# clean middle, bad tip: refused
good=$(tip main)
news two; commit "two"
break_content "$CLONE/content"; commit "broken tip"
push "$T/push6.out" main
if [ "$rc" -ne 0 ]; then pass "clean middle, bad tip: refused"; else fail "bad tip accepted"; fi
expect_eq "$(tip main)" "$good" "main did not move (bad tip)"
git -C "$CLONE" reset -q --hard HEAD~1

# --lang en
git -C "$BARE" config prongsai.lang en
git -C "$CLONE" commit -q --amend -m "two again"
break_content "$CLONE/content"; commit "broken en"
push "$T/push7.out" main
expect_grep 'remote: content/projects/2569/2569-998.md:2:5: error: id "2569-997"' "$T/push7.out" "prongsai.lang en passes --lang en"
expect_grep "push refused" "$T/push7.out" "English refusal line"
git -C "$BARE" config --unset prongsai.lang
git -C "$CLONE" reset -q --hard HEAD~1

# ---- deleting main is refused ----
push "$T/push8.out" :main
if [ "$rc" -ne 0 ]; then pass "deleting main refused"; else fail "deleting main accepted"; fi
expect_grep "ห้ามลบสาขา main" "$T/push8.out" "the pusher is told why (Thai)"
expect_eq "$(tip main)" "$good" "main still there"

# ---- the repository holds only the content (site.yaml at the root) ----
BARE2=$T/content-only.git C2=$T/content-only
git init -q --bare -b main "$BARE2"
install -m 755 "$HOOK" "$BARE2/hooks/pre-receive"
git -C "$BARE2" config core.hooksPath "$BARE2/hooks"
git init -q -b main "$C2" && cp -r "$TOP/content/." "$C2/"
git -C "$C2" add -A && git -C "$C2" commit -q -m first
rc=0; PRONGSAI_BIN=$PRONGSAI git -C "$C2" push "$BARE2" main >"$T/push9.out" 2>&1 || rc=$?
expect_eq "$rc" 0 "content at the repository root: clean push accepted"
break_content "$C2"; git -C "$C2" add -A && git -C "$C2" commit -q -m broken
rc=0; PRONGSAI_BIN=$PRONGSAI git -C "$C2" push "$BARE2" main >"$T/push10.out" 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then pass "content at the root: bad push refused"; else fail "content at the root: bad push accepted"; fi
expect_grep "remote: projects/2569/2569-998.md:2:5: error:" "$T/push10.out" "content at the root: path as in the repository"
# no generator configured: refused with a message, not accepted unchecked
rc=0; git -C "$C2" push "$BARE2" main >"$T/push11.out" 2>&1 || rc=$?
if [ "$rc" -ne 0 ]; then pass "no generator configured: push refused"; else fail "no generator configured: push accepted unchecked"; fi
expect_grep "prongsai.home" "$T/push11.out" "the pusher is told to configure prongsai.home"

# ---- two concurrent clean pushes from the same base: exactly one wins ----
git clone -q "$BARE" "$T/other"
news conc-a; commit "conc a"
mkdir -p "$T/other/content/news"
printf -- '---\ntitle: ข่าว t1110 b\ndate: 2026-11-20\n---\nข่าว\n' >"$T/other/content/news/2026-11-20-t1110-b.md"
git -C "$T/other" add -A && git -C "$T/other" commit -q -m "conc b"
ra=0; rb=0
git -C "$CLONE" push "$BARE" main >"$T/conc-a.out" 2>&1 & pa=$!
git -C "$T/other" push "$BARE" main >"$T/conc-b.out" 2>&1 & pb=$!
wait "$pa" || ra=$?
wait "$pb" || rb=$?
if { [ "$ra" = 0 ] && [ "$rb" != 0 ]; } || { [ "$ra" != 0 ] && [ "$rb" = 0 ]; }; then
	pass "concurrent pushes: exactly one accepted ($ra/$rb)"
else fail "concurrent pushes: exit statuses $ra/$rb"; fi
t=$(tip main)
if [ "$t" = "$(git -C "$CLONE" rev-parse main)" ] || [ "$t" = "$(git -C "$T/other" rev-parse main)" ]; then
	pass "main is one of the two pushed commits"; else fail "main is $t after concurrent pushes"; fi
noleft "concurrent pushes"
expect_grep "prongsai-pre-receive[" "$T/hook.log" "verdicts logged to prongsai.log"

# ---- the CI annotation step, extracted from the workflow files ----
for wf in github forgejo; do
	W=$T/ci-$wf
	mkdir -p "$W/generator"
	cp -r "$TOP/content" "$W/"
	ln -s "$PRONGSAI" "$W/generator/prongsai"
	break_content "$W/content"
	sed -n '/# BEGIN annotate/,/# END annotate/p' "$TOP/docs/ci/$wf.yml" | sed 's/^          //' >"$W/annotate.sh"
	if [ "$(wc -l <"$W/annotate.sh")" -gt 3 ]; then pass "$wf: annotation block found"; else fail "$wf: no annotation block in docs/ci/$wf.yml"; fi
	rc=0; (cd "$W" && CONTENT=content sh annotate.sh) >"$W/out" 2>&1 || rc=$?
	expect_eq "$rc" 1 "$wf: the step fails on a content error"
	expect_grep '::error file=content/projects/2569/2569-998.md,line=2,col=5::id "2569-997" ต้องตรงกับชื่อไฟล์ "2569-998.md"' \
		"$W/out" "$wf: the error becomes an ::error workflow command with file, line and col"
	n_err=$(grep -c ': error: ' "$W/prongsai-check.out")
	n_ann=$(grep -c '^::error file=content/' "$W/out")
	expect_eq "$n_ann" "$n_err" "$wf: one annotation per error"
	rm -f "$W/content/projects/2569/2569-998.md"
	rc=0; (cd "$W" && CONTENT=content sh annotate.sh) >"$W/out2" 2>&1 || rc=$?
	expect_eq "$rc" 0 "$wf: the step passes on clean content"
	expect_no_grep "::error" "$W/out2" "$wf: no annotation on clean content"
done


# GitLab: the job's script (read from the YAML), on a real check failure
W=$T/ci-gitlab
mkdir -p "$W/generator"
cp -r "$TOP/content" "$W/"
ln -s "$PRONGSAI" "$W/generator/prongsai"
break_content "$W/content"
python3 - "$TOP/docs/ci/gitlab-ci.yml" >"$W/script.sh" <<'PY'
import sys, yaml
job = yaml.safe_load(open(sys.argv[1]))["prongsai-check"]
print("\n".join(job["script"]))
PY
rc=0; (cd "$W" && sh script.sh) >"$W/out" 2>&1 || rc=$?
expect_eq "$rc" 1 "gitlab: the job fails on a content error"
expect_grep 'content/projects/2569/2569-998.md:2:5: error: id "2569-997"' "$W/out" "gitlab: the log shows content/FILE:LINE:COL with the Thai message"
rm -f "$W/content/projects/2569/2569-998.md"
rc=0; (cd "$W" && sh script.sh) >"$W/out2" 2>&1 || rc=$?
expect_eq "$rc" 0 "gitlab: the job passes on clean content"

finish
