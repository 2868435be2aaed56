/* collect.cgi: the collector.  One request per process (RFC 3875):
 *
 *   POST <script>/<form-id>   a complaint, a corruption report, a survey
 *   GET  <script>/health      200 when the database is reachable
 *   GET  <script>/track?code= 303 to the tracking page, or 404 (track.c)
 *
 * Configuration: PRONGSAI_DB (the database `prongsai build --db` made); all
 * else is read from that database (docs/collector.md).  The checks run from
 * the cheapest to the dearest, and nothing is read from the body before the
 * headers have passed: form (404), method (405), Origin (403), content type
 * (415), CONTENT_LENGTH (400/413).  The body is parsed and validated by a
 * sandboxed child (sandbox.h); the parent seals the personal data and writes
 * the submission in one short transaction (store.h); only after COMMIT does
 * it answer 303.  The log (stderr, the web server's error log) gets one line
 * per failure: the status, the form id and a cause that never contains
 * submitted data or the client's address. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sodium.h>

#include "utf8.h"
#include "utcstamp.h"
#include "arena.h"
#include "buf.h"
#include "cgienv.h"
#include "db.h"
#include "fingerprint.h"
#include "formcheck.h"
#include "hourkey.h"
#include "media.h"
#include "origin.h"
#include "request.h"
#include "respond.h"
#include "track.h"
#include "sandbox.h"
#include "seal.h"
#include "store.h"
#include "wire.h"
#include "writelock.h"

#define SITE_ROOT_MAX 1024
#define CGI_TIME_LIMIT 120 /* seconds, a last resort against a stuck request (more for a body: see submit) */

struct request {
	struct cgi_env env;
	struct arena arena;
	struct respond_ctx rctx;
	struct buf out;          /* the response */
	sqlite3 *db;
	struct db_settings settings;
	struct form_def form;
	char site_root[SITE_ROOT_MAX];
	int have_site_root;
	int body_read;           /* the parser child consumed the body */
	int lock_fd;             /* the writer queue (writelock.h), or -1 */
	int wal_frames;          /* WAL size after our commit (store_watch_wal) */
	const char *form_id;     /* for the log */
	char cause[512];         /* for the log */
};

/* Note why a request failed, for the log line. */
static void cause(struct request *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void cause(struct request *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (vsnprintf(r->cause, sizeof r->cause, fmt, ap) >= (int)sizeof r->cause)
		r->cause[utf8_whole_prefix(r->cause, strlen(r->cause))] = '\0'; /* cut between characters */
	va_end(ap);
}

static int fail(struct request *r, int status, const struct submission *s, long retry_after,
		const char *allow)
{
	buf_reset(&r->out);
	if (respond_error(&r->rctx, status, s, retry_after, allow, &r->out) < 0) {
		/* only a 422 with very many long labels could get here */
		buf_reset(&r->out);
		respond_error(&r->rctx, status, NULL, retry_after, allow, &r->out);
	}
	return status;
}

/* Open the database and read the settings; 0, or the status to answer. */
static int open_db(struct request *r)
{
	char err[512];

	if (!r->env.db_path || !*r->env.db_path) {
		cause(r, "PRONGSAI_DB is not set");
		return 503;
	}
	if (db_check_private(r->env.db_path, err, sizeof err) < 0 ||
	    db_open(r->env.db_path, DB_OPEN_EXISTING, &r->db, err, sizeof err) < 0) {
		cause(r, "%s", err);
		return 503;
	}
	if (db_schema_version(r->db) != DB_SCHEMA_VERSION) {
		cause(r, "database schema is not version %d: run prongsai build --db", DB_SCHEMA_VERSION);
		return 503;
	}
	if (db_settings_load(r->db, &r->arena, &r->settings, err, sizeof err) < 0) {
		cause(r, "%s", err);
		return 503;
	}
	db_set_busy_timeout(r->db, r->settings.busy_timeout_ms);
	r->rctx.settings = &r->settings;
	r->have_site_root = cgi_site_root(r->env.script_name, r->settings.collector_path,
					  r->settings.thanks_base, r->site_root, sizeof r->site_root) == 0;
	if (r->have_site_root)
		r->rctx.site_root = r->site_root;
	return 0;
}

/* GET <script>/track?code=CODE: for a complaint the live site was built
 * with (its id at most the settings' built_through), 303 to its tracking
 * page; for one stored since, 200 with the code and when its page will
 * appear (also the answer right after a submission); else 404. */
static int track(struct request *r)
{
	char code[TRACKCODE_SIZE], err[512], received[64] = "", offset[32];
	const char *query = getenv("QUERY_STRING");
	struct track_case tc;
	sqlite3_stmt *st = NULL;
	long long id = 0;
	int status;

	if (!r->env.method || (strcmp(r->env.method, "GET") != 0 && strcmp(r->env.method, "HEAD") != 0))
		return fail(r, 405, NULL, 0, "GET, HEAD");
	if (track_code_from_query(query, code) != 0) {
		respond_track(&r->rctx, NULL, &r->out);
		return 404;
	}
	status = open_db(r);
	if (status)
		return fail(r, status, NULL, 30, NULL);
	/* a lookup from the tracking page (its form sends lookup=1; the answer
	 * right after a submission does not): counted for the month, nothing
	 * else kept (OIT O10).  Best effort: a busy database costs the count,
	 * never the answer. */
	if (track_query_has(query, TRACK_LOOKUP_PARAM)) {
		db_set_busy_timeout(r->db, TRACK_COUNT_BUSY_MS);
		(void)db_count_lookup(r->db, time(NULL), err, sizeof err);
		db_set_busy_timeout(r->db, r->settings.busy_timeout_ms);
	}
	/* received: Thai time (UTC+7) and Buddhist Era year, for people */
	snprintf(offset, sizeof offset, "+%d seconds", UTC_BANGKOK_OFFSET_S);
	if (sqlite3_prepare_v2(r->db, "SELECT s.id, s.form_id, strftime('%d/%m/', t) || (strftime('%Y', t) + 543)"
			       " || ' เวลา ' || strftime('%H:%M', t) || ' น.'"
			       " FROM (SELECT id, form_id, datetime(created_at, ?2) AS t FROM submissions"
			       " WHERE code = ?1 AND kind = 'complaint') s", -1, &st, NULL) != SQLITE_OK ||
	    sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC) != SQLITE_OK ||
	    sqlite3_bind_text(st, 2, offset, -1, SQLITE_STATIC) != SQLITE_OK) {
		sqlite3_finalize(st);
		cause(r, "track: %s", sqlite3_errmsg(r->db));
		return fail(r, 503, NULL, 30, NULL);
	}
	status = sqlite3_step(st);
	if (status == SQLITE_ROW) {
		const char *form_id = (const char *)sqlite3_column_text(st, 1);
		const char *when = (const char *)sqlite3_column_text(st, 2);

		id = sqlite3_column_int64(st, 0);
		snprintf(received, sizeof received, "%s", when ? when : "");
		/* the form's titles and thank-you text; a form removed since is no loss */
		if (form_id && formdb_load(r->db, form_id, &r->arena, &r->form, err, sizeof err) == 0)
			r->rctx.form = &r->form;
	}
	sqlite3_finalize(st);
	if (status != SQLITE_ROW && status != SQLITE_DONE) {
		cause(r, "track: %s", sqlite3_errmsg(r->db));
		return fail(r, 503, NULL, 30, NULL);
	}
	if (status == SQLITE_DONE) {
		respond_track(&r->rctx, NULL, &r->out);
		return 404;
	}
	tc.code = code;
	tc.received = received;
	tc.built = id <= r->settings.built_through;
	tc.repeat = track_query_has(query, "repeat=1");
	respond_track(&r->rctx, &tc, &r->out);
	return tc.built ? 303 : 200;
}

static int health(struct request *r)
{
	sqlite3_stmt *st = NULL;
	int status, ok;

	if (!r->env.method || (strcmp(r->env.method, "GET") != 0 && strcmp(r->env.method, "HEAD") != 0))
		return fail(r, 405, NULL, 0, "GET, HEAD");
	status = open_db(r);
	if (status)
		return fail(r, status, NULL, 30, NULL);
	ok = sqlite3_prepare_v2(r->db, "SELECT count(*) FROM forms", -1, &st, NULL) == SQLITE_OK &&
	     sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!ok) {
		cause(r, "health: %s", sqlite3_errmsg(r->db));
		return fail(r, 503, NULL, 30, NULL);
	}
	respond_health(&r->rctx, 1, &r->out);
	return 200;
}

/* Seal the personal values and the attachments that need it into *in.
 * Allocations are from the arena.  0, or -1 (the caller answers 500). */
static int seal_all(struct request *r, const struct submission *s, const unsigned char pk[32],
		    int have_key, struct store_input *in)
{
	struct buf plain;
	size_t i;
	int n;

	buf_init(&plain, (size_t)FC_MAX_FIELDS * 4 * FC_MAX_LENGTH * 3 + 4096);
	n = seal_serialize_personal(&r->form, s, &plain);
	if (n < 0) {
		buf_free(&plain);
		return -1;
	}
	if (n > 0) {
		unsigned char *box;

		if (!have_key) { /* validation refuses this; never store it in the clear */
			buf_free(&plain);
			return -1;
		}
		box = arena_alloc(&r->arena, plain.len + SEAL_OVERHEAD);
		if (seal_bytes((const unsigned char *)plain.data, plain.len, pk, box) < 0) {
			sodium_memzero(plain.data, plain.len);
			buf_free(&plain);
			return -1;
		}
		in->sealed = box;
		in->sealed_len = plain.len + SEAL_OVERHEAD;
	}
	if (plain.data)
		sodium_memzero(plain.data, plain.len);
	buf_free(&plain);
	for (i = 0; i < s->n_files; i++) {
		const struct attachment *a = &s->files[i];
		struct store_file *f = &in->files[i];

		f->field = a->field;
		f->media_type = media_type_name(a->type);
		f->size = a->len;
		f->sealed = attachment_sealed(&r->form, a);
		if (f->sealed) {
			unsigned char *box;

			if (!have_key)
				return -1;
			box = arena_alloc(&r->arena, a->len + SEAL_OVERHEAD);
			if (seal_bytes(a->data, a->len, pk, box) < 0)
				return -1;
			f->data = box;
			f->len = a->len + SEAL_OVERHEAD;
		} else {
			f->data = a->data;
			f->len = a->len;
		}
	}
	in->n_files = s->n_files;
	return 0;
}

/* POST <script>/<form-id> */
static int submit(struct request *r, const char *id)
{
	char boundary[CGI_BOUNDARY_MAX + 1], err[512];
	char code[TRACKCODE_SIZE];
	unsigned char pk[32];
	struct request_ctx ctx;
	struct buf wire;
	struct submission *s;
	struct store_input in;
	enum ct_kind ct;
	size_t cl;
	long retry_after = 0;
	int status, have_key;
	const char *why;
	enum store_result sr;

	status = open_db(r);
	if (status)
		return fail(r, status, NULL, 30, NULL);
	switch (formdb_load(r->db, id, &r->arena, &r->form, err, sizeof err)) {
	case 0:
		break;
	case 1:
		return fail(r, 404, NULL, 0, NULL);
	default:
		cause(r, "%s", err);
		return fail(r, 503, NULL, 30, NULL);
	}
	r->rctx.form = &r->form;
	if (!r->env.method || strcmp(r->env.method, "POST") != 0)
		return fail(r, 405, NULL, 0, "POST");
	/* only the configured origins, never the request's own Host (DNS
	 * rebinding); neither Origin nor Referer: not a browser's post */
	if (origin_check(r->settings.origins, r->env.origin, r->env.referer) == ORIGIN_FOREIGN)
		return fail(r, 403, NULL, 0, NULL);
	ct = cgi_content_type(r->env.content_type, boundary);
	if (ct == CT_MISSING || ct == CT_OTHER)
		return fail(r, 415, NULL, 0, NULL);
	if (ct == CT_BAD) {
		cause(r, "bad multipart boundary");
		return fail(r, 400, NULL, 0, NULL);
	}
	switch (cgi_content_length(r->env.content_length, (size_t)form_max_body(&r->form), &cl)) {
	case CL_OK:
		break;
	case CL_TOO_BIG:
		return fail(r, 413, NULL, 0, NULL);
	case CL_MISSING:
		/* a chunked body (a server that passes it on without a length)
		 * or none: the same answer everywhere, RFC 9110 §15.5.12 */
		cause(r, "no CONTENT_LENGTH%s", r->env.transfer_encoding ? " (chunked body)" : "");
		return fail(r, 411, NULL, 0, NULL);
	default:
		cause(r, "missing or invalid CONTENT_LENGTH");
		return fail(r, 400, NULL, 0, NULL);
	}
	have_key = *r->settings.public_key_b64 && db_public_key_decode(r->settings.public_key_b64, pk) == 0;

	/* Parse and validate in the sandboxed child.  The database is closed
	 * first: the child must not even inherit SQLite's shared-memory
	 * mapping of the WAL index. */
	sqlite3_close(r->db);
	r->db = NULL;
	ctx.form = &r->form;
	ctx.ct = ct;
	ctx.boundary = boundary;
	ctx.content_length = cl;
	ctx.have_key = have_key;
	buf_init(&wire, cl + 65536);
	r->body_read = 1;
	/* a slow phone may take minutes to send what the form allows: the
	 * limits follow the announced length (sandbox_time_limit) */
	alarm(sandbox_time_limit(cl) + CGI_TIME_LIMIT);
	switch (sandbox_run(request_child, &ctx, r->env.allow_unsandboxed, sandbox_time_limit(cl), &wire, &why)) {
	case 0:
		break;
	case SANDBOX_UNAVAILABLE:
		cause(r, "parser: %s", why);
		buf_free(&wire);
		return fail(r, 503, NULL, 300, NULL);
	default:
		cause(r, "parser: %s", why);
		buf_free(&wire);
		return fail(r, 500, NULL, 0, NULL);
	}
	s = arena_alloc(&r->arena, sizeof *s);
	if (wire_decode((const unsigned char *)buf_str(&wire), wire.len, &r->form, &r->arena, s) < 0) {
		cause(r, "parser: malformed result");
		buf_free(&wire);
		return fail(r, 500, NULL, 0, NULL);
	}
	if (s->status) {
		if (s->status == 400)
			cause(r, "%s", s->reason);
		status = fail(r, s->status, s, 0, NULL);
		buf_free(&wire);
		return status;
	}
	if (!r->have_site_root) {
		cause(r, "SCRIPT_NAME does not end in the collector path %s; set thanks_base",
		      r->settings.collector_path);
		buf_free(&wire);
		return fail(r, 503, NULL, 30, NULL);
	}

	/* fingerprints, sealing, then the one write transaction */
	if (db_open(r->env.db_path, DB_OPEN_EXISTING, &r->db, err, sizeof err) < 0) {
		cause(r, "%s", err);
		buf_free(&wire);
		return fail(r, 503, NULL, 30, NULL);
	}
	db_set_busy_timeout(r->db, r->settings.busy_timeout_ms);
	store_watch_wal(r->db, &r->wal_frames);
	memset(&in, 0, sizeof in);
	in.form = &r->form;
	in.sub = s;
	in.now = time(NULL);
	in.rate_limit = r->settings.rate_limit_per_hour;
	in.repeat_window = r->settings.repeat_window_s;
	in.have_digest = submission_digest(&r->form, s, in.digest);
	if (seal_all(r, s, pk, have_key, &in) < 0) {
		cause(r, "sealing failed");
		buf_free(&wire);
		return fail(r, 500, NULL, 0, NULL);
	}
	/* the hour's key is read (or replaced) inside the writer queue */
	r->lock_fd = writelock_open(r->env.db_path);
	if (r->lock_fd >= 0 && writelock_acquire(r->lock_fd, r->settings.busy_timeout_ms) == 1) {
		cause(r, "database busy past the timeout: waited %d ms for the writer queue",
		      r->settings.busy_timeout_ms);
		buf_free(&wire);
		return fail(r, 503, NULL, 5, NULL);
	}
	if (in.rate_limit > 0) {
		unsigned char key[HOURKEY_BYTES];

		if (hourkey_get(r->env.db_path, (long long)in.now / 3600, key, err, sizeof err) < 0) {
			cause(r, "%s", err);
			buf_free(&wire);
			return fail(r, 503, NULL, 60, NULL);
		}
		client_key(key, r->env.remote_addr, in.client);
		sodium_memzero(key, sizeof key);
	}
	in.lock_fd = r->lock_fd;
	in.busy_ms = r->settings.busy_timeout_ms;
	sr = store_submission(r->db, &in, code, &retry_after, err, sizeof err);
	buf_free(&wire);
	switch (sr) {
	case STORE_OK:
	case STORE_REPEAT:
		respond_see_other(&r->rctx, r->form.id, code, sr == STORE_REPEAT, &r->out);
		return 303;
	case STORE_LIMITED:
		return fail(r, 429, NULL, retry_after, NULL);
	case STORE_BUSY:
		cause(r, "database busy past the timeout: %s", err);
		return fail(r, 503, NULL, 5, NULL);
	case STORE_FULL:
		cause(r, "disk or database full: %s", err);
		return fail(r, 503, NULL, 300, NULL);
	case STORE_FAILED:
		break;
	}
	cause(r, "database: %s", err);
	return fail(r, 503, NULL, 60, NULL);
}

/* Read and drop an unread request body (at most DRAIN_MAX bytes, none if
 * CONTENT_LENGTH is invalid or larger).  The decision has been made without
 * it; but a server that uses one socket for the CGI's input and output
 * (Apache mod_cgid) loses the answer if the CGI exits with input unread. */
#define DRAIN_MAX (FC_HARD_MAX_BODY + (1L << 20))

static void drain_body(const struct cgi_env *e)
{
	char chunk[65536];
	size_t left;
	ssize_t n;

	if (cgi_content_length(e->content_length, DRAIN_MAX, &left) != CL_OK)
		return;
	while (left) {
		n = read(0, chunk, left < sizeof chunk ? left : sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		left -= (size_t)n;
	}
}

int main(void)
{
	struct request r;
	struct sigaction ign;
	const char *path;
	int status;

	memset(&r, 0, sizeof r);
	r.lock_fd = -1;
	alarm(CGI_TIME_LIMIT);
	cgi_env_read(&r.env);
	arena_init(&r.arena);
	buf_init(&r.out, RESPOND_MAX);
	r.rctx.json = cgi_wants_json(r.env.accept);
	r.rctx.self = r.env.script_name;
	path = r.env.path_info ? r.env.path_info : "";
	if (sodium_init() < 0) {
		cause(&r, "libsodium cannot start");
		status = fail(&r, 500, NULL, 0, NULL);
	} else if (strcmp(path, "/health") == 0) {
		r.form_id = "health";
		status = health(&r);
	} else if (strcmp(path, "/track") == 0) {
		r.form_id = "track";
		status = track(&r);
	} else if (path[0] == '/' && form_id_valid(path + 1)) {
		r.form_id = path + 1;
		status = submit(&r, path + 1);
	} else {
		status = fail(&r, 404, NULL, 0, NULL);
	}
	if (!r.body_read)
		drain_body(&r.env);
	if (status >= 500 || ((status == 400 || status == 411) && r.cause[0]))
		fprintf(stderr, "prongsai collect: %d form=%s: %s\n", status, r.form_id ? r.form_id : "-",
			r.cause[0] ? r.cause : respond_reason(status));
	respond_write(1, &r.out);
	close(1); /* the answer is complete: the server can send it now */
	/* Upkeep after the answer, still in the writer queue (store.h).  Some
	 * servers (lighttpd) send SIGTERM once the answer is complete: let the
	 * checkpoint finish; the CGI_TIME_LIMIT alarm still bounds it. */
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGTERM, &ign, NULL);
	if (r.db)
		store_checkpoint(r.db, r.wal_frames);
	sqlite3_close(r.db);
	if (r.lock_fd >= 0) {
		writelock_release(r.lock_fd);
		close(r.lock_fd);
	}
	buf_free(&r.out);
	arena_free(&r.arena);
	return 0;
}
