/* load_site.c: site.yaml and people.yaml into the model. */
#include "load/load_int.h"

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
	static const char *const keys[] = { "id", "name", "name_en", NULL };
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
		ycheck_keys(c, it, keys);
		items[n].id = yget_id(c, it, "id", 1);
		items[n].name = get_text(c, it, "name", 1);
		items[n].name_en = get_text(c, it, "name_en", 0);
		if (items[n].id && items[n].name)
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

/* 1 if t can be the site root the collector redirects to: an http(s) URL
 * with a host, or a path starting with one "/"; no character that would
 * need percent-encoding in a Location header, no query or fragment (the
 * collector appends "forms/<id>/thanks/index.html?code=..."). */
static int thanks_base_ok(const char *t)
{
	const char *p = t;
	size_t i;

	if (strncmp(t, "https://", 8) == 0)
		p = t + 8;
	else if (strncmp(t, "http://", 7) == 0)
		p = t + 7;
	else if (t[0] != '/' || t[1] == '/')
		return 0;
	if (p != t && (!*p || *p == '/'))
		return 0; /* no host */
	for (i = 0; t[i]; i++)
		if ((unsigned char)t[i] <= ' ' || (unsigned char)t[i] >= 0x7f || strchr("\"<>\\^`{|}?#", t[i]))
			return 0;
	return 1;
}

/* site.yaml collector_settings: the collector's limits, installed into its
 * database by build --db (struct db_settings). */
static void load_collector_settings(struct yctx *c, const struct ynode *o,
	const char *const *keys, struct site *s)
{
	const char *t;
	long v;

	ycheck_keys(c, o, keys);
	/* written 0 = no limit / off; in struct site (db.h) 0 is "default" */
	if (yget_int(c, o, "rate_limit_per_hour", 0, 0, 10000, &v) == Y_OK)
		s->rate_limit_per_hour = v ? (int)v : -1;
	if (yget_int(c, o, "repeat_window_seconds", 0, 0, 86400, &v) == Y_OK)
		s->repeat_window_s = v ? (int)v : -1;
	if (yget_int(c, o, "busy_timeout_ms", 0, 100, 60000, &v) == Y_OK)
		s->busy_timeout_ms = (int)v;
	if ((t = get_text(c, o, "thanks_base", 0)) != NULL && t[0]) {
		if (thanks_base_ok(t))
			s->thanks_base = t;
		else
			diag_error(c->d, yloc(c->path, ymap_get(o, "thanks_base")),
				"thanks_base ต้องเป็น URL เต็ม (https://...) หรือพาธที่ขึ้นต้นด้วย / "
				"โดยไม่มีช่องว่าง อักขระพิเศษ ? หรือ #",
				"thanks_base must be an absolute URL (https://...) or a path starting with /, "
				"without spaces, special characters, ? or #");
	}
}

void load_site(struct loader *ld, const struct ynode *root, struct site *s)
{
	static const char *const keys[] = { "sample", "office", "base_url", "collector",
		"license", "fiscal_years", "display", "status", "rollup", "districts", "groups",
		"dimensions", "disbursement_targets", "inbox", "collector_settings", NULL };
	static const char *const office_keys[] = { "name", "name_en", "parent", "parent_en",
		"address", "address_en", "phone", "email", "social", NULL };
	static const char *const link_keys[] = { "label", "url", NULL };
	static const char *const license_keys[] = { "name", "name_en", "url", NULL };
	static const char *const display_keys[] = { "digits", NULL };
	static const char *const status_keys[] = { "behind", "seriously_behind", NULL };
	static const char *const target_keys[] = { "fiscal_year", "overall", "recurrent", "capital", NULL };
	static const char *const inbox_keys[] = { "public_key", NULL };
	static const char *const collector_keys[] = { "rate_limit_per_hour", "repeat_window_seconds",
		"busy_timeout_ms", "thanks_base", NULL };
	struct yctx *c = &ld->c;
	const struct ynode *o, *n, *seq;
	size_t i;
	long v;

	memset(s, 0, sizeof(*s));
	s->behind = 1000;
	s->seriously_behind = 2500;
	s->collector = "cgi-bin/collect.cgi";
	if (!root) {
		diag_error(c->d, file_loc(c->path), "site.yaml ว่างเปล่า", "site.yaml is empty");
		return;
	}
	ycheck_keys(c, root, keys);
	yget_bool(c, root, "sample", 0, &s->sample);
	if ((o = yget_map(c, root, "office", 1)) != NULL) {
		ycheck_keys(c, o, office_keys);
		s->name = get_text(c, o, "name", 1);
		s->name_en = get_text(c, o, "name_en", 1);
		s->parent = get_text(c, o, "parent", 0);
		s->parent_en = get_text(c, o, "parent_en", 0);
		s->address = get_text(c, o, "address", 0);
		s->address_en = get_text(c, o, "address_en", 0);
		s->phone = get_text(c, o, "phone", 0);
		s->email = get_text(c, o, "email", 0);
		if ((seq = yget_seq(c, o, "social", 0)) != NULL) {
			s->social = arena_alloc(c->a, (seq->n + 1) * sizeof(*s->social));
			for (i = 0; i < seq->n; i++) {
				ycheck_keys(c, seq->items[i], link_keys);
				s->social[s->n_social].label = get_text(c, seq->items[i], "label", 1);
				s->social[s->n_social].url = get_text(c, seq->items[i], "url", 1);
				if (s->social[s->n_social].label && s->social[s->n_social].url)
					s->n_social++;
			}
		}
	}
	if ((n = ymap_get(root, "base_url")) && (s->base_url = get_text(c, root, "base_url", 1))) {
		size_t len = strlen(s->base_url);
		if (strncmp(s->base_url, "https://", 8) != 0 && strncmp(s->base_url, "http://", 7) != 0)
			diag_error(c->d, yloc(c->path, n), "base_url ต้องขึ้นต้นด้วย https:// หรือ http://",
				"base_url must start with https:// or http://");
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
	if ((o = yget_map(c, root, "license", 0)) != NULL) {
		ycheck_keys(c, o, license_keys);
		s->license_name = get_text(c, o, "name", 1);
		s->license_name_en = get_text(c, o, "name_en", 0);
		s->license_url = get_text(c, o, "url", 0);
	}
	if ((seq = yget_seq(c, root, "fiscal_years", 1)) != NULL) {
		if (seq->n == 0 || seq->n > MODEL_MAX_FISCAL_YEARS)
			diag_error(c->d, yloc(c->path, seq), "fiscal_years ต้องมี 1 ถึง %d ปี",
				"fiscal_years needs 1 to %d years", MODEL_MAX_FISCAL_YEARS);
		for (i = 0; i < seq->n && i < MODEL_MAX_FISCAL_YEARS; i++) {
			const struct ynode *it = seq->items[i];
			char *end;
			long fy = it->kind == YN_SCALAR ? strtol(it->s, &end, 10) : 0;
			if (it->kind != YN_SCALAR || *end || fy < 2500 || fy > 2700) {
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
	if ((o = yget_map(c, root, "display", 0)) != NULL) {
		const char *dg;
		ycheck_keys(c, o, display_keys);
		if ((dg = get_text(c, o, "digits", 0)) != NULL) {
			if (strcmp(dg, "thai") == 0)
				s->digits = DIGITS_THAI;
			else if (strcmp(dg, "arabic") != 0)
				diag_error(c->d, yloc(c->path, ymap_get(o, "digits")),
					"digits ต้องเป็น arabic หรือ thai", "digits must be arabic or thai");
		}
	}
	if ((o = yget_map(c, root, "status", 1)) != NULL) {
		ycheck_keys(c, o, status_keys);
		yget_percent(c, o, "behind", 1, &s->behind);
		yget_percent(c, o, "seriously_behind", 1, &s->seriously_behind);
		if (s->seriously_behind < s->behind)
			diag_error(c->d, yloc(c->path, o),
				"seriously_behind ต้องไม่น้อยกว่า behind", "seriously_behind must be at least behind");
	}
	if ((n = ymap_get(root, "rollup")) && get_text(c, root, "rollup", 0)) {
		if (strcmp(n->s, "weight") == 0)
			s->rollup = ROLLUP_WEIGHT;
		else if (strcmp(n->s, "budget") != 0)
			diag_error(c->d, yloc(c->path, n), "rollup ต้องเป็น budget หรือ weight",
				"rollup must be budget or weight");
	}
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
			ycheck_keys(c, t, target_keys);
			if (yget_int(c, t, "fiscal_year", 1, 2500, 2700, &v) != Y_OK)
				continue;
			dt->fiscal_year = (int)v;
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
	if ((o = yget_map(c, root, "collector_settings", 0)) != NULL)
		load_collector_settings(c, o, collector_keys, s);
	if ((o = yget_map(c, root, "inbox", 0)) != NULL) {
		const char *k;
		ycheck_keys(c, o, inbox_keys);
		k = get_text(c, o, "public_key", 0);
		if (k && k[0]) {
			size_t kl = strlen(k), j;
			int okk = kl == 44 && k[43] == '=';
			for (j = 0; j < 43 && okk; j++)
				okk = (k[j] >= 'A' && k[j] <= 'Z') || (k[j] >= 'a' && k[j] <= 'z') ||
					(k[j] >= '0' && k[j] <= '9') || k[j] == '+' || k[j] == '/';
			if (okk)
				s->public_key = k;
			else
				diag_error(c->d, yloc(c->path, ymap_get(o, "public_key")),
					"public_key ต้องเป็นกุญแจสาธารณะแบบ base64 (44 ตัวอักษร) จาก prongsai inbox keygen",
					"public_key must be a base64 public key (44 characters) from prongsai inbox keygen");
		}
	}
}

struct person *load_people(struct loader *ld, const struct ynode *root, size_t *n_out)
{
	static const char *const keys[] = { "people", NULL };
	static const char *const pkeys[] = { "id", "name", "name_en", "position", "position_en",
		"group", "district", "executive", "photo", "phone", "email", NULL };
	struct yctx *c = &ld->c;
	const struct ynode *seq;
	struct person *people;
	size_t i, n = 0;

	*n_out = 0;
	if (!root)
		return NULL;
	ycheck_keys(c, root, keys);
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
		ycheck_keys(c, it, pkeys);
		p->line = it->line;
		p->id = yget_id(c, it, "id", 1);
		p->name = get_text(c, it, "name", 1);
		p->name_en = get_text(c, it, "name_en", 0);
		p->position = get_text(c, it, "position", 1);
		p->position_en = get_text(c, it, "position_en", 0);
		p->group = yget_id(c, it, "group", 0);
		p->district = yget_id(c, it, "district", 0);
		yget_bool(c, it, "executive", 0, &p->executive);
		p->photo = get_text(c, it, "photo", 0);
		p->phone = get_text(c, it, "phone", 0);
		p->email = get_text(c, it, "email", 0);
		if (p->id && p->name && p->position)
			n++;
	}
	*n_out = n;
	return people;
}

/* Parse "YYYY-MM" (BE years converted) into year and month. */
