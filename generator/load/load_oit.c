/* load_oit.c: content/oit/<year>.yaml, the ITA/OIT evidence mapping. */
#include "load/load_int.h"

#include <stdlib.h>
#include <string.h>

#include "load/fields.h"

/* An O-item code: a capital letter and 1 to 3 digits ("O1", "O12"). */
static int code_ok(const char *s)
{
	size_t n = strlen(s), i;

	if (n < 2 || n > 4 || s[0] < 'A' || s[0] > 'Z')
		return 0;
	for (i = 1; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* A site path: relative, no "..", no "//", safe characters; or http(s). */
static int href_kind(const char *s)
{
	size_t i;

	switch (link_kind(s)) {
	case LINK_ABSOLUTE:
		return 2;
	case LINK_BAD:
		return 0;
	default:
		break;
	}
	if (s[0] == '/' || strstr(s, "..") || strstr(s, "//"))
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			(s[i] >= '0' && s[i] <= '9') || strchr("-_./#", s[i])))
			return 0;
	return 1;
}

static void load_link(struct yctx *c, const struct ynode *it, struct oit_link *l, int *ok)
{
	const char *href;
	const struct ynode *hn = it;

	*ok = 0;
	memset(l, 0, sizeof(*l));
	l->line = it->line;
	l->col = it->col;
	if (it->kind == YN_SCALAR) {
		href = arena_strdup(c->a, it->s);
	} else if (it->kind == YN_MAP) {
		fields_read(c, schema_field(&schema_oit_item, "evidence")->sub, it, l);
		if (!(href = get_text(c, it, "href", 1)))
			return;
		hn = ymap_get(it, "href");
		if (ymap_get(it, "date") && yget_date(c, it, "date", 0, &l->date) == Y_OK)
			l->has_date = 1;
	} else {
		diag_error(c->d, yloc(c->path, it),
			"หลักฐานแต่ละรายการเป็นที่อยู่หน้า เช่น projects/2569/index.html หรือ {href, label, date}",
			"each evidence item is a page path such as projects/2569/index.html, or {href, label, date}");
		return;
	}
	switch (href_kind(href)) {
	case 0:
		diag_error(c->d, yloc(c->path, hn),
			"ที่อยู่หลักฐาน \"%s\" ต้องเป็นพาธในเว็บไซต์ (ไม่ขึ้นต้นด้วย /) หรือ https://...",
			"evidence address \"%s\" must be a path in the site (not starting with /) or https://...",
			href);
		return;
	case 1:
		l->internal = 1;
		break;
	default:
		break;
	}
	l->href = href;
	*ok = 1;
}

struct oit_year *load_oit(struct loader *ld, const char *rel, const struct ynode *root)
{
	struct yctx *c = &ld->c;
	const char *name = stem(c->a, rel, ".yaml");
	const struct ynode *seq, *ev;
	struct oit_year *y;
	size_t i, j;
	long v;

	if (!be_year_name(name)) {
		diag_error(c->d, file_loc(rel),
			"ชื่อไฟล์ OIT ต้องเป็นปีที่ประเมิน (พ.ศ.) เช่น oit/2569.yaml",
			"OIT file names are the assessment year (BE), e.g. oit/2569.yaml");
		return NULL;
	}
	if (!file_has_content(c, rel, root))
		return NULL;
	y = arena_alloc(c->a, sizeof(*y));
	y->path = rel;
	y->year = be_year_name(name);
	fields_read(c, &schema_oit, root, y);
	if (yget_int(c, root, "year", 0, YEAR_BE_MIN, YEAR_BE_MAX, &v) == Y_OK && v != y->year)
		diag_error(c->d, yloc(rel, ymap_get(root, "year")),
			"year %ld ไม่ตรงกับชื่อไฟล์ %s.yaml", "year %ld does not match the file name %s.yaml",
			v, name);
	if (y->main_site && link_kind(y->main_site) != LINK_ABSOLUTE) {
		diag_error(c->d, yloc(rel, ymap_get(root, "main_site")),
			"main_site ต้องเป็นที่อยู่เว็บไซต์หลัก เช่น https://loei.cdd.go.th/",
			"main_site must be the main website's address, such as https://loei.cdd.go.th/");
		y->main_site = NULL;
	}
	if ((seq = yget_seq(c, root, "sources", 0)) != NULL) {
		y->sources = arena_alloc(c->a, (seq->n + 1) * sizeof(*y->sources));
		for (i = 0; i < seq->n; i++) {
			if (seq->items[i]->kind != YN_SCALAR || !seq->items[i]->s[0]) {
				diag_error(c->d, yloc(rel, seq->items[i]), "sources แต่ละรายการเป็นข้อความ (ที่มาของรายการข้อ)",
					"each sources entry is a line of text (where the item list comes from)");
				continue;
			}
			y->sources[y->n_sources++] = arena_strdup(c->a, seq->items[i]->s);
		}
	}
	if (!(seq = yget_seq(c, root, "items", 1)))
		return NULL;
	y->items = arena_alloc(c->a, (seq->n + 1) * sizeof(*y->items));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		struct oit_item *o = &y->items[y->n_items];
		const char *rule;
		memset(o, 0, sizeof(*o));
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(rel, it), "แต่ละข้อต้องมี code, title, asks และ evidence",
				"each item needs code, title, asks and evidence");
			continue;
		}
		o->line = it->line;
		fields_read(c, &schema_oit_item, it, o);
		if (o->code && !code_ok(o->code)) {
			diag_error(c->d, yloc(rel, ymap_get(it, "code")),
				"code ต้องเป็นตัวอักษรใหญ่ตามด้วยตัวเลข เช่น O1 (ได้ \"%s\")",
				"code must be a capital letter and digits such as O1 (got \"%s\")", o->code);
			continue;
		}
		if ((rule = get_text(c, it, "fiscal_year", 0)) != NULL) {
			if (strcmp(rule, "current") == 0)
				o->fy_rule = OIT_FY_CURRENT;
			else if (strcmp(rule, "previous") == 0)
				o->fy_rule = OIT_FY_PREVIOUS;
			else if (strcmp(rule, "any") != 0)
				diag_error(c->d, yloc(rel, ymap_get(it, "fiscal_year")),
					"fiscal_year ต้องเป็น current (ปีที่ประเมิน), previous (ปีก่อน) หรือ any",
					"fiscal_year must be current (the assessment year), previous or any");
		}
		if ((rule = get_text(c, it, "period", 0)) != NULL) {
			if (strcmp(rule, "first-half") == 0)
				o->period = OIT_PERIOD_FIRST_HALF;
			else if (strcmp(rule, "full-year") == 0)
				o->period = OIT_PERIOD_FULL_YEAR;
			else
				diag_error(c->d, yloc(rel, ymap_get(it, "period")),
					"period ต้องเป็น first-half (ต.ค.-มี.ค.) หรือ full-year (ครบ 12 เดือน)",
					"period must be first-half (October to March) or full-year (all 12 months)");
			if (o->period && !o->fy_rule)
				diag_error(c->d, yloc(rel, ymap_get(it, "period")),
					"period ใช้คู่กับ fiscal_year: current หรือ previous",
					"period needs fiscal_year: current or previous");
		}
		if (!o->code || !o->title)
			continue;
		for (j = 0; j < y->n_items; j++)
			if (strcmp(y->items[j].code, o->code) == 0)
				break;
		if (j < y->n_items) {
			diag_error(c->d, yloc(rel, ymap_get(it, "code")), "code \"%s\" ซ้ำ (มีแล้วที่บรรทัด %d)",
				"duplicate code \"%s\" (first at line %d)", o->code, y->items[j].line);
			continue;
		}
		if ((ev = yget_seq(c, it, "evidence", 0)) != NULL) {
			o->links = arena_alloc(c->a, (ev->n + 1) * sizeof(*o->links));
			for (j = 0; j < ev->n; j++) {
				int ok;
				load_link(c, ev->items[j], &o->links[o->n_links], &ok);
				if (ok)
					o->n_links++;
			}
		}
		y->n_items++;
	}
	return y;
}
