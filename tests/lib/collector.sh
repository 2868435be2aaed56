# tests/lib/collector.sh: helpers for the collector's tests (t2NNN-*.sh).
# Source after test-lib.sh.
#
#   cl_setup DIR [DBDIR] key pair (prongsai inbox keygen), site and database
#                       (prongsai build -C $TOP/content --db --public-key),
#                       the database in DBDIR (default DIR/db);
#                       sets CL_DIR CL_KEY CL_PUB CL_PUBLIC CL_DB
#   cl_setting KEY VAL  change a collector setting in the database
#   cl_state            one line summing up everything the collector writes
#                       (to check that nothing was written)
#   cl_count [WHERE]    number of submissions
#   cl_cgi METHOD PATH CONTENT_TYPE BODY [VAR=VALUE...]
#                       run $COLLECT_CGI directly as a web server would, with
#                       BODY on stdin and CONTENT_LENGTH its length (unless
#                       given); prints the response
#   cl_status RESPONSE  the status code of a CGI response ("303", ...)

cl_setup() {
	CL_DIR=$1
	mkdir -p "${2:-$CL_DIR/db}" "$CL_DIR/secret"
	CL_KEY=$CL_DIR/secret/inbox.key
	CL_DB=${2:-$CL_DIR/db}/prongsai.db
	CL_PUBLIC=$CL_DIR/public
	CL_PUB=$("$PRONGSAI" inbox keygen --key "$CL_KEY" 2>/dev/null) || { fail "inbox keygen"; return 1; }
	"$PRONGSAI" build -q -C "$TOP/content" -o "$CL_PUBLIC" --db "$CL_DB" --public-key "$CL_PUB" \
		>"$CL_DIR/build.log" 2>&1 || { cat "$CL_DIR/build.log" >&2; fail "prongsai build --db"; return 1; }
}

cl_setting() {
	sqlite3 "$CL_DB" "UPDATE settings SET value = '$2' WHERE key = '$1'"
}

cl_state() {
	sqlite3 "$CL_DB" "SELECT (SELECT count(*) FROM submissions) || '/' || (SELECT count(*) FROM submission_values)
		|| '/' || (SELECT count(*) FROM attachments) || '/' || (SELECT count(*) FROM recent_submissions)
		|| '/' || (SELECT coalesce(sum(count), 0) FROM rate_limits)"
}

cl_count() {
	sqlite3 "$CL_DB" "SELECT count(*) FROM submissions ${1:+WHERE $1}"
}

cl_cgi() {
	local method=$1 path=$2 ctype=$3 body=$4
	shift 4
	printf '%s' "$body" | env -i PATH="$PATH" PRONGSAI_DB="$CL_DB" REQUEST_METHOD="$method" \
		PATH_INFO="$path" SCRIPT_NAME=/cgi-bin/collect.cgi CONTENT_TYPE="$ctype" \
		CONTENT_LENGTH="${#body}" REMOTE_ADDR=192.0.2.7 HTTP_HOST=127.0.0.1:8080 \
		GATEWAY_INTERFACE=CGI/1.1 SERVER_PROTOCOL=HTTP/1.1 "$@" "$COLLECT_CGI"
}

cl_status() {
	printf '%s\n' "$1" | sed -n '1s/^Status: \([0-9][0-9][0-9]\).*/\1/p' | tr -d '\r'
}
