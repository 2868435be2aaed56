/* fields.c: see fields.h. */
#include "load/fields.h"

#include <stdint.h>
#include <string.h>

#include "model/suggest.h"

int fields_check_keys(struct yctx *c, const struct schema *s, const struct ynode *map)
{
	const char *names[SCHEMA_MAX_FIELDS + 1];

	schema_names(s, names);
	return ycheck_keys(c, map, names);
}

int fields_unfilled(struct yctx *c, const struct sfield *f, const struct ynode *n)
{
	if (!f->fill || !n || n->kind != YN_SCALAR || strcmp(n->s, f->fill) != 0)
		return 0;
	diag_error(c->d, yloc(c->path, n), "ยังไม่ได้กรอก %s: แทนที่ \"%s\" ด้วยข้อมูลจริง",
		"%s is not filled in yet: replace \"%s\" with the real value", f->name, f->fill);
	return 1;
}

int fields_read_one(struct yctx *c, const struct sfield *f, const struct ynode *map, void *out)
{
	char *slot = (char *)out + f->off;
	int req = (f->flags & SF_REQ) != 0;
	enum yget r = Y_ABSENT;
	long v;
	const char *s;

	if (fields_unfilled(c, f, ymap_get(map, f->name))) {
		if (f->type == SF_TEXT || f->type == SF_URL || f->type == SF_ID) {
			s = NULL;
			memcpy(slot, &s, sizeof(s));
		}
		return -1;
	}
	switch (f->type) {
	case SF_URL:
		s = yget_str(c, map, f->name, req, (int)f->max);
		if (s && link_kind(s) == LINK_BAD) {
			diag_error(c->d, yloc(c->path, ymap_get(map, f->name)),
				"%s: \"%s\" ใช้เป็นลิงก์ไม่ได้ ต้องขึ้นต้นด้วย https:// หรือ http:// (ไม่มี ชื่อ@) หรือเป็นพาธในเว็บไซต์",
				"%s: \"%s\" cannot be a link: use an https:// or http:// address (without name@) or a path in the site",
				f->name, s);
			s = NULL;
		}
		memcpy(slot, &s, sizeof(s));
		return s ? 1 : ynode_is_null(ymap_get(map, f->name)) ? 0 : -1;
	case SF_TEXT:
		s = yget_str(c, map, f->name, req, (int)f->max);
		memcpy(slot, &s, sizeof(s));
		return s ? 1 : ynode_is_null(ymap_get(map, f->name)) ? 0 : -1;
	case SF_ID:
		s = yget_id(c, map, f->name, req);
		memcpy(slot, &s, sizeof(s));
		return s ? 1 : ynode_is_null(ymap_get(map, f->name)) ? 0 : -1;
	case SF_INT:
	case SF_YEAR:
		r = f->type == SF_YEAR ? yget_int(c, map, f->name, req, YEAR_BE_MIN, YEAR_BE_MAX, &v) :
			yget_int(c, map, f->name, req, f->min, f->max, &v);
		if (r == Y_OK) {
			int iv = (int)v;
			memcpy(slot, &iv, sizeof(iv));
		}
		break;
	case SF_BOOL: {
		int b;
		if ((r = yget_bool(c, map, f->name, req, &b)) == Y_OK)
			memcpy(slot, &b, sizeof(b));
		break;
	}
	case SF_MONEY:
	case SF_PERCENT:
	case SF_DECIMAL: {
		int64_t x;
		r = f->type == SF_MONEY ? yget_money(c, map, f->name, req, &x) :
			f->type == SF_PERCENT ? yget_percent(c, map, f->name, req, &x) :
			yget_decimal(c, map, f->name, req, &x);
		if (r == Y_OK)
			memcpy(slot, &x, sizeof(x));
		break;
	}
	case SF_DATE: {
		pdate d;
		if ((r = yget_date(c, map, f->name, req, &d)) == Y_OK)
			memcpy(slot, &d, sizeof(d));
		break;
	}
	case SF_MAP: {
		const struct ynode *n = yget_map(c, map, f->name, req);
		if (!n)
			return ynode_is_null(ymap_get(map, f->name)) ? 0 : -1;
		return fields_read(c, f->sub, n, out) ? -1 : 1;
	}
	default:
		return 0; /* lists and enums are the loader's */
	}
	return r == Y_OK ? 1 : r == Y_ABSENT ? 0 : -1;
}

int fields_read(struct yctx *c, const struct schema *s, const struct ynode *map, void *out)
{
	size_t i;
	int missing = 0;

	fields_check_keys(c, s, map);
	for (i = 0; i < s->n; i++) {
		const struct sfield *f = &s->fields[i];
		if (f->flags & SF_MANUAL)
			continue;
		if (fields_read_one(c, f, map, out) != 1 && (f->flags & SF_REQ))
			missing++;
	}
	return missing;
}

int fields_enum(struct yctx *c, const struct sfield *f, const struct ynode *map)
{
	const char *s = yget_str(c, map, f->name, (f->flags & SF_REQ) != 0, 0);
	int i;

	if (!s)
		return ynode_is_null(ymap_get(map, f->name)) ? -1 : -2;
	if ((i = schema_enum_index(f, s)) >= 0)
		return i;
	if (f->values[0] && f->values[1] && !f->values[2])
		diag_error(c->d, yloc(c->path, ymap_get(map, f->name)), "%s ต้องเป็น %s หรือ %s",
			"%s must be %s or %s", f->name, f->values[0], f->values[1]);
	else
		diag_error(c->d, yloc(c->path, ymap_get(map, f->name)), "%s ใช้ค่านี้ไม่ได้ (ได้ \"%s\")",
			"%s: this value is not allowed (got \"%s\")", f->name, s);
	return -2;
}
