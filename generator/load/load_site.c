/* load_site.c: site.yaml and people.yaml into the model. */
#include "load/load_int.h"

#include "db.h"
#include "load/fields.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *get_text(struct yctx *c, const struct ynode *map, const char *key, int required)
{
	return yget_str(c, map, key, required, 0);
}


static int load_named_list(struct yctx *c, const struct ynode *map, const char *key,
	struct named **out, size_t *n_out, int required)
{
	const struct ynode *seq = yget_seq(c, map, key, required);
	struct named *items;
	size_t i, n = 0;

	if (!seq)
		return -1;
	items = arena_alloc(c->a, (seq->n + 1) * sizeof(*items));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "แต่ละรายการของ \"%s\" ต้องมี id และ name",
				"each item of \"%s\" needs an id and a name", key);
			continue;
		}
		if (fields_read(c, &schema_named, it, &items[n]) == 0)
			n++;
	}
	*out = items;
	*n_out = n;
	return 0;
}

static int64_t *target_row(struct yctx *c, const struct ynode *t, const char *key,
	int64_t row[4], int *has)
{
	const struct ynode *seq = yget_seq(c, t, key, 0);
	size_t i;

	*has = 0;
	if (!seq)
		return NULL;
	if (seq->n != 4) {
		diag_error(c->d, yloc(c->path, seq),
			"\"%s\" ต้องมี 4 ค่า (ร้อยละสะสมเมื่อสิ้นไตรมาส 1 ถึง 4)",
			"\"%s\" needs 4 values (cumulative %% at the end of Q1 to Q4)", key);
		return NULL;
	}
	for (i = 0; i < 4; i++)
		if (ynode_percent(c, seq->items[i], key, &row[i]) != Y_OK)
			return NULL;
	for (i = 1; i < 4; i++)
		if (row[i] < row[i - 1])
			diag_error(c->d, yloc(c->path, seq->items[i]),
				"เป้าหมายสะสมต้องไม่ลดลงจากไตรมาสก่อน", "cumulative targets must not go down");
	*has = 1;
	return row;
}

/* site.yaml collector_settings: the collector's limits, installed into its
 * database by build --db (struct db_settings). */
static void load_collector_settings(struct yctx *c, const struct ynode *o, struct site *s)
{
	const char *t;
	long v;

	/* written 0 = no limit / off; in struct site (db.h) 0 is "default" */
	if (yget_int(c, o, "rate_limit_per_hour", 0, 0, 10000, &v) == Y_OK)
		s->rate_limit_per_hour = v ? (int)v : -1;
	if (yget_int(c, o, "repeat_window_seconds", 0, 0, 86400, &v) == Y_OK)
		s->repeat_window_s = v ? (int)v : -1;
	if ((t = get_text(c, o, "thanks_base", 0)) != NULL && t[0]) {
		if (db_thanks_base_valid(t))
			s->thanks_base = t;
		else
			diag_error(c->d, yloc(c->path, ymap_get(o, "thanks_base")),
				"thanks_base ต้องเป็น URL เต็ม (https://...) หรือพาธที่ขึ้นต้นด้วย / "
				"โดยไม่มีช่องว่าง อักขระพิเศษ ? หรือ #",
				"thanks_base must be an absolute URL (https://...) or a path starting with /, "
				"without spaces, special characters, ? or #");
	}
}

/* The value of key in map when it is a mapping (problems were reported by
 * fields_read()), else NULL. */
static const struct ynode *map_of(const struct ynode *map, const char *key)
{
	const struct ynode *n = ymap_get(map, key);

	return n && n->kind == YN_MAP ? n : NULL;
}

void load_site(struct loader *ld, const struct ynode *root, struct site *s)
{
	struct yctx *c = &ld->c;
	const struct ynode *o, *n, *seq;
	size_t i;
	int e;

	memset(s, 0, sizeof(*s));
	s->behind = 1000;
	s->seriously_behind = 2500;
	s->collector = "cgi-bin/collect.cgi";
	if (!root) {
		diag_error(c->d, file_loc(c->path), "site.yaml ว่างเปล่า", "site.yaml is empty");
		return;
	}
	fields_read(c, &schema_site, root, s);
	if ((o = map_of(root, "office")) != NULL &&
		(seq = yget_seq(c, o, "social", 0)) != NULL) {
		s->social = arena_alloc(c->a, (seq->n + 1) * sizeof(*s->social));
		for (i = 0; i < seq->n; i++)
			if (fields_read(c, schema_field(schema_field(&schema_site, "office")->sub,
				"social")->sub, seq->items[i], &s->social[s->n_social]) == 0)
				s->n_social++;
	}
	if ((n = ymap_get(root, "base_url")) && (s->base_url = get_text(c, root, "base_url", 1))) {
		size_t len = strlen(s->base_url);
		if (strncmp(s->base_url, "https://", 8) != 0 && strncmp(s->base_url, "http://", 7) != 0)
			diag_error(c->d, yloc(c->path, n), "base_url ต้องขึ้นต้นด้วย https:// หรือ http://",
				"base_url must start with https:// or http://");
		else if (link_kind(s->base_url) != LINK_ABSOLUTE)
			diag_error(c->d, yloc(c->path, n),
				"base_url ต้องเป็น https://ชื่อเว็บไซต์/ โดยไม่มีส่วน ชื่อ@ หรือช่องว่าง",
				"base_url must be https://host/ without a name@ part or spaces");
		else if (s->base_url[len - 1] != '/')
			s->base_url = arena_printf(c->a, "%s/", s->base_url);
	} else if (!n) {
		get_text(c, root, "base_url", 1);
	}
	if ((n = ymap_get(root, "collector")) && get_text(c, root, "collector", 0)) {
		const char *p = n->s;
		size_t k;
		int okp = p[0] && p[0] != '/' && !strstr(p, "..") && !strstr(p, "//");
		for (k = 0; p[k] && okp; k++)
			okp = (p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
				(p[k] >= '0' && p[k] <= '9') || strchr("-_./", p[k]);
		if (okp)
			s->collector = arena_strdup(c->a, n->s);
		else
			diag_error(c->d, yloc(c->path, n),
				"collector ต้องเป็นพาธสัมพัทธ์จากรากของเว็บ เช่น cgi-bin/collect.cgi",
				"collector must be a path relative to the site root, e.g. cgi-bin/collect.cgi");
	}
	if ((seq = yget_seq(c, root, "fiscal_years", 1)) != NULL) {
		if (seq->n == 0 || seq->n > MODEL_MAX_FISCAL_YEARS)
			diag_error(c->d, yloc(c->path, seq), "fiscal_years ต้องมี 1 ถึง %d ปี",
				"fiscal_years needs 1 to %d years", MODEL_MAX_FISCAL_YEARS);
		for (i = 0; i < seq->n && i < MODEL_MAX_FISCAL_YEARS; i++) {
			const struct ynode *it = seq->items[i];
			char *end;
			long fy = it->kind == YN_SCALAR ? strtol(it->s, &end, 10) : 0;
			if (it->kind != YN_SCALAR || *end || !year_be_ok(fy)) {
				diag_error(c->d, yloc(c->path, it),
					"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569", "a fiscal year is a BE year such as 2569");
				continue;
			}
			if (s->n_fiscal_years && fy <= s->fiscal_years[s->n_fiscal_years - 1]) {
				diag_error(c->d, yloc(c->path, it), "เรียงปีงบประมาณจากน้อยไปมากและไม่ซ้ำ",
					"list fiscal years in ascending order without repeats");
				continue;
			}
			s->fiscal_years[s->n_fiscal_years++] = (int)fy;
		}
	}
	if ((o = map_of(root, "display")) != NULL &&
		(e = fields_enum(c, schema_field(schema_field(&schema_site, "display")->sub, "digits"), o)) >= 0)
		s->digits = e == 1 ? DIGITS_THAI : DIGITS_ARABIC;
	if ((o = map_of(root, "status")) != NULL && s->seriously_behind < s->behind)
		diag_error(c->d, yloc(c->path, o),
			"seriously_behind ต้องไม่น้อยกว่า behind", "seriously_behind must be at least behind");
	if ((e = fields_enum(c, schema_field(&schema_site, "rollup"), root)) >= 0)
		s->rollup = e == 1 ? ROLLUP_WEIGHT : ROLLUP_BUDGET;
	load_named_list(c, root, "districts", &s->districts, &s->n_districts, 1);
	load_named_list(c, root, "groups", &s->groups, &s->n_groups, 1);
	load_named_list(c, root, "dimensions", &s->dimensions, &s->n_dimensions, 0);
	if ((seq = yget_seq(c, root, "disbursement_targets", 0)) != NULL) {
		s->targets = arena_alloc(c->a, (seq->n + 1) * sizeof(*s->targets));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *t = seq->items[i];
			struct disb_target *dt = &s->targets[s->n_targets];
			int has;
			if (t->kind != YN_MAP) {
				diag_error(c->d, yloc(c->path, t), "เป้าหมายแต่ละปีต้องเป็นชุดฟิลด์",
					"each target must be a mapping");
				continue;
			}
			if (fields_read(c, schema_field(&schema_site, "disbursement_targets")->sub, t, dt) != 0)
				continue;
			if (!target_row(c, t, "overall", dt->overall, &has)) {
				if (!ymap_get(t, "overall"))
					yget_seq(c, t, "overall", 1);
				continue;
			}
			target_row(c, t, "recurrent", dt->recurrent, &dt->has_recurrent);
			target_row(c, t, "capital", dt->capital, &dt->has_capital);
			s->n_targets++;
		}
	}
	if ((o = map_of(root, "collector_settings")) != NULL)
		load_collector_settings(c, o, s);
	if ((o = map_of(root, "inbox")) != NULL) {
		const char *k = get_text(c, o, "public_key", 0);
		if (k && k[0]) {
			unsigned char pk[32];
			int okk = db_public_key_decode(k, pk) == 0;
			if (okk)
				s->public_key = k;
			else
				diag_error(c->d, yloc(c->path, ymap_get(o, "public_key")),
					"public_key ต้องเป็นกุญแจสาธารณะแบบ base64 (44 ตัวอักษร) จาก prongsai inbox keygen",
					"public_key must be a base64 public key (44 characters) from prongsai inbox keygen");
		}
	}
}

/* roles: a list of role_names; an unknown one is an error naming them. */
static void read_roles(struct yctx *c, const struct ynode *it, struct person *p)
{
	const struct sfield *f = schema_field(&schema_person, "roles");
	const struct ynode *seq = yget_seq(c, it, "roles", 0);
	size_t i;
	int k;

	if (!seq)
		return;
	for (i = 0; i < seq->n; i++) {
		const struct ynode *n = seq->items[i];
		if (n->kind != YN_SCALAR || (k = schema_enum_index(f, n->s)) < 0) {
			diag_error(c->d, yloc(c->path, n),
				"บทบาทไม่ถูกต้อง ใช้ได้: officer, group-director, admin, complaint-officer, corruption-officer",
				"unknown role; roles are: officer, group-director, admin, complaint-officer, corruption-officer");
			continue;
		}
		p->roles |= 1u << k;
	}
}

struct person *load_people(struct loader *ld, const struct ynode *root, size_t *n_out)
{
	struct yctx *c = &ld->c;
	const struct ynode *seq;
	struct person *people;
	size_t i, n = 0;

	*n_out = 0;
	if (!root)
		return NULL;
	fields_check_keys(c, &schema_people, root);
	if (!(seq = yget_seq(c, root, "people", 1)))
		return NULL;
	people = arena_alloc(c->a, (seq->n + 1) * sizeof(*people));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		struct person *p = &people[n];
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "แต่ละคนต้องเป็นชุดฟิลด์ (id, name, position)",
				"each person must be a mapping (id, name, position)");
			continue;
		}
		memset(p, 0, sizeof(*p));
		p->line = it->line;
		if (fields_read(c, &schema_person, it, p) == 0) {
			read_roles(c, it, p);
			n++;
		}
	}
	*n_out = n;
	return people;
}
