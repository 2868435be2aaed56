# staffq.sh: helpers for the tests of `prongsai import` (t30xx).
# make_staff_db FILE: a staff database as the staff area has it: made by
# common/staffdb (the queue tables of STAFFDB.md and the rest) through
# `prongsai build --staff-db` of the mini fixture.
make_staff_db() {
	"$PRONGSAI" build -q -C "$TOP/tests/fixtures/mini" -o "$TEST_OUT/.staffdb-site" --theme "$TOP/themes/default" \
		--today 2026-04-15 --staff-db "$1" >/dev/null 2>&1 || { fail "make_staff_db $1"; return 1; }
	rm -rf "$TEST_OUT/.staffdb-site"
}
# enqueue DB KIND PERSON SUBJECT MESSAGE PATH=FILE...: one queue row and its
# files in one transaction, as staff.cgi does; prints the new id.
enqueue() {
	local db=$1 kind=$2 person=$3 subject=$4 message=$5 sql f
	shift 5
	sql="BEGIN; INSERT INTO queue(kind,person_id,subject,message,received_at) VALUES('$kind','$person','$subject','$message',strftime('%s','now'));"
	for f in "$@"; do
		sql="$sql INSERT INTO queue_files VALUES(last_insert_rowid_q(),'${f%%=*}',readfile('${f#*=}'));"
	done
	sql=${sql//last_insert_rowid_q()/(SELECT max(id) FROM queue)}
	sqlite3 "$db" "$sql COMMIT; SELECT max(id) FROM queue;"
}
# qstate DB ID: "state|commit_id-or-empty"
qstate() {
	sqlite3 "$1" "SELECT state || '|' || coalesce(commit_id,'') FROM queue WHERE id=$2"
}
# make_site_repo DIR: a git repository DIR with the mini fixture as
# DIR/content, one commit on main.
make_site_repo() {
	mkdir -p "$1"
	make_case "$1/content"
	git -C "$1" init -q -b main
	git -C "$1" -c user.name=t -c user.email=t@example.invalid add -A
	git -C "$1" -c user.name=t -c user.email=t@example.invalid commit -q -m "start"
}
