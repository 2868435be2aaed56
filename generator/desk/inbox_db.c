/* inbox_db.c: see inbox_db.h. */
#include "desk/inbox_db.h"
#include "errmsg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sodium.h>

#include "model/dates.h"
#include "db.h"
#include "urlenc.h"

static int dberr(struct inbox_db *x, char *err, size_t errlen, const char *what)
{
	err_set(err, errlen, "database error (%s): %s / ฐานข้อมูลขัดข้อง", what, sqlite3_errmsg(x->db));
	return -1;
}

/* Copy column col of st (text, possibly NULL) into out, truncated. */
static void col_copy(sqlite3_stmt *st, int col, char *out, size_t outlen)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	size_t n = t ? (size_t)sqlite3_column_bytes(st, col) : 0;

	if (n >= outlen)
		n = outlen - 1;
	if (n)
		memcpy(out, t, n);
	out[n] = '\0';
}

/* Column col of st (text, NULL as "") copied into a, its length in *len. */
static char *col_dup(struct arena *a, sqlite3_stmt *st, int col, size_t *len)
{
	const unsigned char *t = sqlite3_column_text(st, col);

	*len = t ? (size_t)sqlite3_column_bytes(st, col) : 0;
	return t ? arena_strndup(a, (const char *)t, *len) : arena_strdup(a, "");
}

static int load_forms(struct inbox_db *x, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	const char *ids[INBOX_MAX_FORMS];
	size_t n = 0, i;
	int rc;

	if (sqlite3_prepare_v2(x->db, "SELECT id FROM forms ORDER BY position, id", -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "forms");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == INBOX_MAX_FORMS) {
			sqlite3_finalize(st);
			err_set(err, errlen, "more than %d forms installed / มีแบบฟอร์มมากเกิน %d แบบ", INBOX_MAX_FORMS,
			       INBOX_MAX_FORMS);
			return -1;
		}
		if (sqlite3_column_text(st, 0))
			ids[n++] = arena_strdup(&x->arena, (const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(x, err, errlen, "forms");
	x->forms = arena_alloc(&x->arena, (n + 1) * sizeof(*x->forms));
	for (i = 0; i < n; i++) {
		rc = formdb_load(x->db, ids[i], &x->arena, &x->forms[x->n_forms], err, errlen);
		if (rc < 0)
			return -1;
		if (rc == 0)
			x->n_forms++;
	}
	return 0;
}

/* The database's public key (settings) must be the key file's. */
static int check_key(struct inbox_db *x, const char *db_path, const char *key_path, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	unsigned char pk[INBOX_KEY_BYTES];
	int rc, same = 0;

	if (sqlite3_prepare_v2(x->db, "SELECT value FROM settings WHERE key = 'public_key'", -1, &st, NULL) !=
	    SQLITE_OK)
		return dberr(x, err, errlen, "settings");
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0) &&
	    db_public_key_decode((const char *)sqlite3_column_text(st, 0), pk) == 0)
		same = sodium_memcmp(pk, x->pk, sizeof pk) == 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return dberr(x, err, errlen, "settings");
	if (!same) {
		err_set(err, errlen, "wrong key: this key (%s) does not belong to this database (%s); it seals to another "
		       "public key (site.yaml inbox.public_key) / กุญแจไม่ถูกต้อง: กุญแจนี้ไม่ใช่ของฐานข้อมูลนี้",
		       key_path, db_path);
		return -1;
	}
	return 0;
}

int inbox_db_open(struct inbox_db *x, const char *db_path, const char *key_path, int writable,
		  char *err, size_t errlen)
{
	memset(x, 0, sizeof(*x));
	arena_init(&x->arena);
	if (inbox_key_read(key_path, x->sk, x->pk, err, errlen) != 0)
		goto fail;
	if (db_open(db_path, writable ? DB_OPEN_EXISTING : DB_OPEN_READONLY, &x->db, err, errlen) != 0)
		goto fail;
	if (db_require_current(x->db, db_path, err, errlen) != 0)
		goto fail;
	if (check_key(x, db_path, key_path, err, errlen) != 0 || load_forms(x, err, errlen) != 0)
		goto fail;
	return 0;
fail:
	inbox_db_close(x);
	return -1;
}

int inbox_db_open_public(struct inbox_db *x, const char *db_path, int writable, char *err, size_t errlen)
{
	memset(x, 0, sizeof(*x));
	arena_init(&x->arena);
	if (db_open(db_path, writable ? DB_OPEN_EXISTING : DB_OPEN_READONLY, &x->db, err, errlen) != 0 ||
	    db_require_current(x->db, db_path, err, errlen) != 0 || load_forms(x, err, errlen) != 0) {
		inbox_db_close(x);
		return -1;
	}
	return 0;
}

void inbox_db_close(struct inbox_db *x)
{
	sqlite3_close(x->db);
	x->db = NULL;
	sodium_memzero(x->sk, sizeof x->sk);
	arena_free(&x->arena);
	x->forms = NULL;
	x->n_forms = 0;
}

const struct form_def *inbox_db_form(const struct inbox_db *x, const char *id)
{
	size_t i;

	for (i = 0; i < x->n_forms; i++)
		if (strcmp(x->forms[i].id, id) == 0)
			return &x->forms[i];
	return NULL;
}

int inbox_db_read_begin(struct inbox_db *x, char *err, size_t errlen)
{
	if (sqlite3_exec(x->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "begin");
	return 0;
}

void inbox_db_read_end(struct inbox_db *x)
{
	if (!sqlite3_get_autocommit(x->db))
		sqlite3_exec(x->db, "COMMIT", NULL, NULL, NULL);
}

#define CASE_COLUMNS                                                                                          \
	"SELECT s.id, s.code, s.form_id, s.channel, s.created_at, s.purged_at, s.sealed IS NOT NULL,"         \
	" (SELECT count(*) FROM attachments a WHERE a.submission_id = s.id),"                                 \
	" (SELECT value FROM submission_values v WHERE v.submission_id = s.id AND v.name = 'category'),"      \
	" (SELECT value FROM submission_values v WHERE v.submission_id = s.id AND v.name = 'district')"       \
	" FROM submissions s WHERE s.kind = 'complaint'"

static void case_row(sqlite3_stmt *st, struct inbox_case *c)
{
	memset(c, 0, sizeof(*c));
	c->id = sqlite3_column_int64(st, 0);
	col_copy(st, 1, c->code, sizeof c->code);
	col_copy(st, 2, c->form_id, sizeof c->form_id);
	col_copy(st, 3, c->channel, sizeof c->channel);
	col_copy(st, 4, c->created_at, sizeof c->created_at);
	col_copy(st, 5, c->purged_at, sizeof c->purged_at);
	c->sealed = sqlite3_column_int(st, 6);
	c->n_attachments = sqlite3_column_int(st, 7);
	col_copy(st, 8, c->category, sizeof c->category);
	col_copy(st, 9, c->district, sizeof c->district);
}

int inbox_each_case(struct inbox_db *x, int (*fn)(void *ctx, const struct inbox_case *c), void *ctx,
		    char *err, size_t errlen)
{
	sqlite3_stmt *st;
	struct inbox_case c;
	int rc, r = 0;

	if (sqlite3_prepare_v2(x->db, CASE_COLUMNS " ORDER BY s.created_at, s.id", -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "submissions");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		case_row(st, &c);
		if ((r = fn(ctx, &c)) != 0)
			break;
	}
	sqlite3_finalize(st);
	if (r)
		return r;
	if (rc != SQLITE_DONE)
		return dberr(x, err, errlen, "submissions");
	return 0;
}

int inbox_find_case(struct inbox_db *x, const char *code, struct inbox_case *out, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(x->db, CASE_COLUMNS " AND s.code = ?1", -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "submissions");
	sqlite3_bind_text(st, 1, code, -1, SQLITE_STATIC);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		case_row(st, out);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		return 1;
	return dberr(x, err, errlen, "submissions");
}

int inbox_public_values(struct inbox_db *x, sqlite3_int64 id, struct arena *a, struct form_data *out,
			char *err, size_t errlen)
{
	sqlite3_stmt *st;
	struct form_part *p;
	int rc;

	out->n = 0;
	if (sqlite3_prepare_v2(x->db, "SELECT name, value FROM submission_values WHERE submission_id = ?1"
				      " ORDER BY position, name", -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "submission_values");
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (out->n == FORMDATA_MAX_PARTS) {
			sqlite3_finalize(st);
			err_set(err, errlen, "a complaint with more than %d values / เรื่องนี้มีค่ามากเกินไป",
			       FORMDATA_MAX_PARTS);
			return -1;
		}
		p = &out->parts[out->n++];
		memset(p, 0, sizeof(*p));
		p->name = col_dup(a, st, 0, &p->name_len);
		p->value = col_dup(a, st, 1, &p->len);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return dberr(x, err, errlen, "submission_values");
	return 0;
}

int inbox_personal_open(struct inbox_db *x, sqlite3_int64 id, struct inbox_personal *p, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	const char *reason = "";
	int rc, ok = 0;

	memset(p, 0, sizeof(*p));
	if (sqlite3_prepare_v2(x->db, "SELECT sealed FROM submissions WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "submissions");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) == SQLITE_NULL) {
		ok = 1; /* nothing sealed */
	} else if (rc == SQLITE_ROW) {
		const void *c = sqlite3_column_blob(st, 0);
		size_t clen = (size_t)sqlite3_column_bytes(st, 0);
		ok = inbox_unseal(x->sk, x->pk, c, clen, &p->plain, &p->len) == 0 &&
		     urlenc_parse((char *)p->plain, p->len, &p->fd, &reason) == PARSE_OK;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		inbox_personal_wipe(p);
		return rc == SQLITE_DONE ? (err_set(err, errlen, "no such submission / ไม่พบเรื่อง"), -1)
					 : dberr(x, err, errlen, "submissions");
	}
	if (!ok) {
		inbox_personal_wipe(p);
		err_set(err, errlen, "the personal data cannot be opened with this key (wrong key, or the data is "
		       "damaged) / เปิดข้อมูลส่วนบุคคลด้วยกุญแจนี้ไม่ได้ (กุญแจผิดหรือข้อมูลเสียหาย)");
		return -1;
	}
	return 0;
}

void inbox_personal_wipe(struct inbox_personal *p)
{
	inbox_wipe_free(p->plain, p->plain ? p->len + 1 : 0);
	sodium_memzero(p, sizeof(*p));
}

int inbox_each_attachment(struct inbox_db *x, sqlite3_int64 id, int with_data,
			  int (*fn)(void *ctx, const struct inbox_attachment *a, const unsigned char *data,
				    size_t len),
			  void *ctx, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	struct inbox_attachment a;
	int rc, r = 0;

	if (sqlite3_prepare_v2(x->db, with_data ?
				      "SELECT position, field, media_type, size, sealed, data FROM attachments"
				      " WHERE submission_id = ?1 ORDER BY position" :
				      "SELECT position, field, media_type, size, sealed FROM attachments"
				      " WHERE submission_id = ?1 ORDER BY position",
			       -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "attachments");
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *data = NULL;
		unsigned char *plain = NULL;
		size_t len = 0;

		memset(&a, 0, sizeof a);
		a.position = sqlite3_column_int(st, 0);
		col_copy(st, 1, a.field, sizeof a.field);
		col_copy(st, 2, a.media_type, sizeof a.media_type);
		a.size = sqlite3_column_int64(st, 3);
		a.sealed = sqlite3_column_int(st, 4) != 0;
		if (with_data) {
			data = sqlite3_column_blob(st, 5);
			len = (size_t)sqlite3_column_bytes(st, 5);
			if (a.sealed) {
				if (inbox_unseal(x->sk, x->pk, data, len, &plain, &len) != 0) {
					err_set(err, errlen, "attachment %d cannot be opened with this key (wrong key, or "
					       "damaged) / เปิดไฟล์แนบด้วยกุญแจนี้ไม่ได้", a.position + 1);
					r = -1;
					break;
				}
				data = plain;
			}
			if (a.size < 0 || (sqlite3_uint64)a.size != (sqlite3_uint64)len || (!data && len)) {
				inbox_wipe_free(plain, len + 1);
				err_set(err, errlen, "attachment %d is damaged (size %lld recorded, %zu stored) / "
				       "ไฟล์แนบเสียหาย", a.position + 1, (long long)a.size, len);
				r = -1;
				break;
			}
		}
		r = fn(ctx, &a, data, len);
		inbox_wipe_free(plain, len + 1);
		if (r)
			break;
	}
	sqlite3_finalize(st);
	if (r)
		return r;
	if (rc != SQLITE_DONE)
		return dberr(x, err, errlen, "attachments");
	return 0;
}

int inbox_sealed_raw(struct inbox_db *x, sqlite3_int64 id, struct arena *a, const unsigned char **data,
		     size_t *len, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	*data = NULL;
	*len = 0;
	if (sqlite3_prepare_v2(x->db, "SELECT sealed FROM submissions WHERE id = ?1", -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "submissions");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		size_t n = (size_t)sqlite3_column_bytes(st, 0);
		unsigned char *c = arena_alloc(a, n ? n : 1);
		if (n)
			memcpy(c, sqlite3_column_blob(st, 0), n);
		*data = c;
		*len = n;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? (err_set(err, errlen, "no such submission / ไม่พบเรื่อง"), -1)
				 : dberr(x, err, errlen, "submissions");
}

int inbox_attachment_raw(struct inbox_db *x, sqlite3_int64 id, int position, struct arena *a,
			 struct inbox_attachment *att, const unsigned char **data, size_t *len, char *err,
			 size_t errlen)
{
	sqlite3_stmt *st;
	int rc;

	*data = NULL;
	*len = 0;
	memset(att, 0, sizeof *att);
	if (sqlite3_prepare_v2(x->db, "SELECT position, field, media_type, size, sealed, data FROM attachments"
				      " WHERE submission_id = ?1 AND position = ?2", -1, &st, NULL) != SQLITE_OK)
		return dberr(x, err, errlen, "attachments");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, position);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		size_t n = (size_t)sqlite3_column_bytes(st, 5);
		unsigned char *c = arena_alloc(a, n ? n : 1);
		att->position = sqlite3_column_int(st, 0);
		col_copy(st, 1, att->field, sizeof att->field);
		col_copy(st, 2, att->media_type, sizeof att->media_type);
		att->size = sqlite3_column_int64(st, 3);
		att->sealed = sqlite3_column_int(st, 4) != 0;
		if (n)
			memcpy(c, sqlite3_column_blob(st, 5), n);
		*data = c;
		*len = n;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return 0;
	return rc == SQLITE_DONE ? 1 : dberr(x, err, errlen, "attachments");
}

const char *inbox_media_ext(const char *media_type)
{
	if (strcmp(media_type, "image/jpeg") == 0)
		return "jpg";
	if (strcmp(media_type, "image/png") == 0)
		return "png";
	if (strcmp(media_type, "application/pdf") == 0)
		return "pdf";
	return "bin";
}

int inbox_time_bangkok(const char *utc, int with_seconds, char out[INBOX_TIME_SIZE])
{
	int64_t t;
	int y, mo, d;
	long secs;

	if (date_parse_utc_stamp(utc, &t) != 0) {
		snprintf(out, INBOX_TIME_SIZE, "?");
		return -1;
	}
	t += DATE_BANGKOK_OFFSET_S;
	date_to_ymd((pdate)(t / 86400), &y, &mo, &d);
	secs = (long)(t % 86400);
	if (with_seconds)
		snprintf(out, INBOX_TIME_SIZE, "%04d-%02d-%02d %02ld:%02ld:%02ld", y, mo, d, secs / 3600,
			 secs / 60 % 60, secs % 60);
	else
		snprintf(out, INBOX_TIME_SIZE, "%04d-%02d-%02d %02ld:%02ld", y, mo, d, secs / 3600, secs / 60 % 60);
	return 0;
}
