# staffq.sh: helpers for the tests of `prongsai import` (t30xx).
# make_staff_db FILE: a staff database with the queue tables of
# /work/wt/STAFFDB.md (the exact SQL), at schema version 1.
make_staff_db() {
	sqlite3 "$1" <<'SQL'
PRAGMA journal_mode=WAL;
CREATE TABLE queue(
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK(kind IN ('progress','sheet','answer')),
  person_id   TEXT NOT NULL,
  subject     TEXT NOT NULL,
  message     TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'queued'
              CHECK(state IN ('queued','committed','rejected')),
  reason      TEXT,
  commit_id   TEXT,
  received_at INTEGER NOT NULL,
  done_at     INTEGER
);
CREATE TABLE queue_files(
  queue_id INTEGER NOT NULL REFERENCES queue(id) ON DELETE CASCADE,
  path     TEXT NOT NULL,
  data     BLOB NOT NULL,
  PRIMARY KEY(queue_id, path)
);
PRAGMA user_version=1;
SQL
	chmod 600 "$1"
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
