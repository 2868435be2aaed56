# fixture.sh: helpers for tests that build the mini fixture.
# make_case DIR CASE: copy the mini fixture to DIR and lay CASE over it.
make_case() {
	rm -rf "$1"
	cp -r "$TOP/tests/fixtures/mini" "$1"
	if [ -n "${2:-}" ]; then
		cp -r "$2/." "$1/"
		rm -f "$1/setup.sh" "$1/expect"
		if [ -f "$2/setup.sh" ]; then (cd "$1" && sh "$2/setup.sh"); fi
	fi
}
# tree_sum DIR: one line per file with its checksum (to compare trees).
tree_sum() {
	(cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum)
}
# make_db_case DIR: make_case DIR with the sample forms, and an empty
# database folder $TEST_OUT/db (for `build --db`).
make_db_case() {
	make_case "$1"
	mkdir -p "$1/forms" "$TEST_OUT/db"
	cp "$TOP"/content/forms/*.yaml "$1/forms/"
}
