#include "load/ycheck.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model/model.h"
#include "model/numfmt.h"
#include "model/suggest.h"
#include "utf8.h"

int id_is_safe(const char *s)
{
	size_t i;

	if (!s || !s[0])
		return 0;
	for (i = 0; s[i]; i++) {
		char ch = s[i];
		if (i >= MODEL_MAX_ID)
			return 0;
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			continue;
		if (ch == '-' && i > 0)
			continue;
		return 0;
	}
	return 1;
}

int file_name_safe(struct yctx *c, const char *rel, const char *name)
{
	struct loc l = { rel, 0, 0 };

	if (id_is_safe(name))
		return 1;
	diag_error(c->d, l, "ชื่อไฟล์ใช้ได้เฉพาะ a-z ตัวเล็ก 0-9 และ -",
		"file names may use only lowercase a-z, 0-9 and -");
	return 0;
}

enum link_kind link_kind(const char *s)
{
	size_t i, host;

	if (!s || !s[0])
		return LINK_BAD;
	for (i = 0; s[i]; i++)
		if ((unsigned char)s[i] <= ' ' || s[i] == 0x7f || s[i] == '\\')
			return LINK_BAD;
	if (strncasecmp(s, "https://", 8) == 0 || strncasecmp(s, "http://", 7) == 0) {
		host = s[4] == ':' ? 7 : 8;
		for (i = host; s[i] && !strchr("/?#", s[i]); i++)
			if (s[i] == '@')
				return LINK_BAD; /* user@host: the host is not what it seems */
		return i > host ? LINK_ABSOLUTE : LINK_BAD;
	}
	if (s[0] == '/' && s[1] == '/')
		return LINK_BAD; /* another host, scheme-relative */
	for (i = 0; s[i] && !strchr("/?#", s[i]); i++)
		if (s[i] == ':')
			return LINK_BAD; /* a scheme: javascript:, data:, ... */
	return LINK_SITE;
}

int ycheck_keys(struct yctx *c, const struct ynode *map, const char *const *allowed)
{
	size_t i, j;
	int unknown = 0;

	if (!map || map->kind != YN_MAP)
		return 0;
	for (i = 0; i < map->n; i++) {
		const char *k = map->keys[i]->s;
		for (j = 0; allowed[j]; j++)
			if (strcmp(k, allowed[j]) == 0)
				break;
		if (allowed[j])
			continue;
		unknown++;
		const char *near = suggest_closest(k, allowed);
		if (near)
			diag_error(c->d, yloc(c->path, map->keys[i]),
				"ไม่รู้จักฟิลด์ \"%s\" หมายถึง \"%s\" หรือไม่?",
				"unknown field \"%s\"; did you mean \"%s\"?", k, near);
		else
			diag_error(c->d, yloc(c->path, map->keys[i]),
				"ไม่รู้จักฟิลด์ \"%s\"", "unknown field \"%s\"", k);
	}
	return unknown;
}

/* Look key up; report a missing required field at the map. */
static const struct ynode *yfind(struct yctx *c, const struct ynode *map,
	const char *key, int required)
{
	const struct ynode *n = ymap_get(map, key);

	if (ynode_is_null(n)) {
		if (required)
			diag_error(c->d, yloc(c->path, map),
				"ไม่มีฟิลด์ \"%s\" ซึ่งจำเป็นต้องกรอก",
				"missing required field \"%s\"", key);
		return NULL;
	}
	return n;
}

static int want_scalar(struct yctx *c, const struct ynode *n, const char *what)
{
	if (n->kind == YN_SCALAR)
		return 1;
	diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องเป็นค่าเดียว ไม่ใช่รายการหรือชุดฟิลด์",
		"\"%s\" must be a single value, not a list or mapping", what);
	return 0;
}

const char *yget_str(struct yctx *c, const struct ynode *map, const char *key,
	int required, int max_len)
{
	const struct ynode *n = yfind(c, map, key, required);

	if (!n || !want_scalar(c, n, key))
		return NULL;
	if (max_len > 0 && utf8_count(n->s, n->len) > (size_t)max_len) {
		diag_error(c->d, yloc(c->path, n), "\"%s\" ยาวเกิน %d ตัวอักษร",
			"\"%s\" is longer than %d characters", key, max_len);
		return NULL;
	}
	return arena_strndup(c->a, n->s, n->len);
}

const char *ynode_id(struct yctx *c, const struct ynode *n, const char *what)
{
	if (!want_scalar(c, n, what))
		return NULL;
	if (!id_is_safe(n->s)) {
		diag_error(c->d, yloc(c->path, n),
			"\"%s\" ใช้ไม่ได้เป็นรหัส: ใช้ได้เฉพาะ a-z ตัวเล็ก 0-9 และ - (ยาวไม่เกิน %d)",
			"\"%s\" is not a valid id: use only lowercase a-z, 0-9 and - (at most %d)",
			n->s, MODEL_MAX_ID);
		return NULL;
	}
	return arena_strndup(c->a, n->s, n->len);
}

const char *yget_id(struct yctx *c, const struct ynode *map, const char *key, int required)
{
	const struct ynode *n = yfind(c, map, key, required);

	return n ? ynode_id(c, n, key) : NULL;
}

enum yget yget_int(struct yctx *c, const struct ynode *map, const char *key,
	int required, long min, long max, long *out)
{
	const struct ynode *n = yfind(c, map, key, required);
	char *end;
	long v;

	if (!n)
		return Y_ABSENT;
	if (!want_scalar(c, n, key))
		return Y_ERROR;
	errno = 0;
	v = strtol(n->s, &end, 10);
	if (n->len == 0 || *end || errno || n->s[0] == ' ' || n->s[0] == '+') {
		diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องเป็นจำนวนเต็ม (ได้ \"%s\")",
			"\"%s\" must be a whole number (got \"%s\")", key, n->s);
		return Y_ERROR;
	}
	if (v < min || v > max) {
		diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องอยู่ระหว่าง %ld ถึง %ld (ได้ %ld)",
			"\"%s\" must be between %ld and %ld (got %ld)", key, min, max, v);
		return Y_ERROR;
	}
	*out = v;
	return Y_OK;
}

enum yget yget_bool(struct yctx *c, const struct ynode *map, const char *key,
	int required, int *out)
{
	const struct ynode *n = yfind(c, map, key, required);

	if (!n)
		return Y_ABSENT;
	if (!want_scalar(c, n, key))
		return Y_ERROR;
	if (n->plain && strcmp(n->s, "true") == 0) {
		*out = 1;
		return Y_OK;
	}
	if (n->plain && strcmp(n->s, "false") == 0) {
		*out = 0;
		return Y_OK;
	}
	diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องเป็น true หรือ false (ได้ \"%s\")",
		"\"%s\" must be true or false (got \"%s\")", key, n->s);
	return Y_ERROR;
}

static enum yget node_number(struct yctx *c, const struct ynode *n, const char *what,
	int64_t *out, int money)
{
	int64_t v;
	enum num_parse_result r;

	if (!want_scalar(c, n, what))
		return Y_ERROR;
	r = num_parse_hundredths(n->s, &v);
	switch (r) {
	case NUM_OK:
		*out = v;
		return Y_OK;
	case NUM_PRECISION:
		diag_error(c->d, yloc(c->path, n), "\"%s\" มีทศนิยมเกิน 2 ตำแหน่ง (ได้ \"%s\")",
			"\"%s\" has more than 2 decimal places (got \"%s\")", what, n->s);
		break;
	case NUM_NEGATIVE:
		diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องไม่ติดลบ (ได้ \"%s\")",
			"\"%s\" must not be negative (got \"%s\")", what, n->s);
		break;
	case NUM_RANGE:
		diag_error(c->d, yloc(c->path, n), "\"%s\" มากเกินไป (ได้ \"%s\")",
			"\"%s\" is too large (got \"%s\")", what, n->s);
		break;
	default:
		if (money)
			diag_error(c->d, yloc(c->path, n),
				"\"%s\" ต้องเป็นจำนวนเงิน เช่น 250000 หรือ \"1,250,000.50\" (ได้ \"%s\")",
				"\"%s\" must be an amount such as 250000 or \"1,250,000.50\" (got \"%s\")",
				what, n->s);
		else
			diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องเป็นตัวเลข (ได้ \"%s\")",
				"\"%s\" must be a number (got \"%s\")", what, n->s);
		break;
	}
	return Y_ERROR;
}

enum yget yget_money(struct yctx *c, const struct ynode *map, const char *key,
	int required, int64_t *out)
{
	const struct ynode *n = yfind(c, map, key, required);

	return n ? node_number(c, n, key, out, 1) : Y_ABSENT;
}

enum yget ynode_decimal(struct yctx *c, const struct ynode *n, const char *what, int64_t *out)
{
	return node_number(c, n, what, out, 0);
}

enum yget yget_decimal(struct yctx *c, const struct ynode *map, const char *key,
	int required, int64_t *out)
{
	const struct ynode *n = yfind(c, map, key, required);

	return n ? node_number(c, n, key, out, 0) : Y_ABSENT;
}

enum yget ynode_percent(struct yctx *c, const struct ynode *n, const char *what, int64_t *out)
{
	int64_t v;
	enum yget r = node_number(c, n, what, &v, 0);

	if (r != Y_OK)
		return r;
	if (v > 10000) {
		diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ %s)",
			"\"%s\" must be between 0 and 100 (got %s)", what, n->s);
		return Y_ERROR;
	}
	*out = v;
	return Y_OK;
}

enum yget yget_percent(struct yctx *c, const struct ynode *map, const char *key,
	int required, int64_t *out)
{
	const struct ynode *n = yfind(c, map, key, required);

	return n ? ynode_percent(c, n, key, out) : Y_ABSENT;
}

enum yget yget_date(struct yctx *c, const struct ynode *map, const char *key,
	int required, pdate *out)
{
	const struct ynode *n = yfind(c, map, key, required);
	int be;

	if (!n)
		return Y_ABSENT;
	if (!want_scalar(c, n, key))
		return Y_ERROR;
	switch (date_parse(n->s, out, &be)) {
	case DATE_OK:
		return Y_OK;
	case DATE_INVALID:
		diag_error(c->d, yloc(c->path, n), "\"%s\": ไม่มีวันที่ %s ในปฏิทิน",
			"\"%s\": there is no such date as %s", key, n->s);
		return Y_ERROR;
	default:
		diag_error(c->d, yloc(c->path, n),
			"\"%s\" ต้องเป็นวันที่แบบ ปปปป-ดด-วว เช่น 2026-01-15 หรือ 2569-01-15 (ได้ \"%s\")",
			"\"%s\" must be a date YYYY-MM-DD such as 2026-01-15 (got \"%s\")", key, n->s);
		return Y_ERROR;
	}
}

static const struct ynode *want_kind(struct yctx *c, const struct ynode *n, const char *key,
	enum ynode_kind kind)
{
	if (!n)
		return NULL;
	if (n->kind != kind) {
		if (kind == YN_SEQ)
			diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องเป็นรายการ (ขึ้นต้นแต่ละข้อด้วย - หรือ [a, b])",
				"\"%s\" must be a list (items starting with - or [a, b])", key);
		else
			diag_error(c->d, yloc(c->path, n), "\"%s\" ต้องเป็นชุดฟิลด์ (ชื่อ: ค่า)",
				"\"%s\" must be a mapping (key: value)", key);
		return NULL;
	}
	if (n->n > MODEL_MAX_LIST) {
		diag_error(c->d, yloc(c->path, n), "\"%s\" มีมากกว่า %d รายการ",
			"\"%s\" has more than %d items", key, MODEL_MAX_LIST);
		return NULL;
	}
	return n;
}

const struct ynode *yget_seq(struct yctx *c, const struct ynode *map, const char *key, int required)
{
	return want_kind(c, yfind(c, map, key, required), key, YN_SEQ);
}

const struct ynode *yget_map(struct yctx *c, const struct ynode *map, const char *key, int required)
{
	return want_kind(c, yfind(c, map, key, required), key, YN_MAP);
}
