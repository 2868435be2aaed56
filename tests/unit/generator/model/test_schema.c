/* test_schema.c: the field tables of model/schema.c against the field
 * tables of docs/content-format.md (same names, same required marks), and
 * the generic reader on a small record (types, caps, required). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "load/fields.h"
#include "load/yload.h"
#include "model/model.h"

#define MAX_NAMES 256

struct nameset {
	char *name[MAX_NAMES];
	int req[MAX_NAMES];
	size_t n;
};

static void add(struct nameset *s, const char *name, int req)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->name[i], name) == 0) {
			s->req[i] |= req;
			return;
		}
	if (s->n < MAX_NAMES) {
		s->name[s->n] = strdup(name);
		s->req[s->n++] = req;
	}
}

static int find(const struct nameset *s, const char *name)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		if (strcmp(s->name[i], name) == 0)
			return (int)i;
	return -1;
}

/* What the table says the documentation lists for s: one row per field,
 * parent.child rows for SF_DOC_EXPAND maps.  req: -1 = not compared. */
static void from_schema(struct nameset *out, const struct schema *s)
{
	size_t i, j;
	char buf[128];

	for (i = 0; i < s->n; i++) {
		const struct sfield *f = &s->fields[i];
		if (f->flags & SF_DOC_NONE)
			continue;
		if ((f->flags & SF_DOC_EXPAND) && f->sub) {
			for (j = 0; j < f->sub->n; j++) {
				snprintf(buf, sizeof(buf), "%s.%s", f->name, f->sub->fields[j].name);
				add(out, buf, (f->flags & SF_REQ) && (f->sub->fields[j].flags & SF_REQ));
			}
		} else {
			add(out, f->name, (f->flags & SF_REQ) != 0);
		}
	}
}

/* The backquoted names in the first column of every "| ฟิลด์ / Field" table
 * of the section starting with heading; required when the row says so. */
static int from_doc(struct nameset *out, const char *doc, const char *heading)
{
	const char *p = doc, *end;
	int in_table = 0;

	for (;;) {
		if (strncmp(p, heading, strlen(heading)) == 0)
			break;
		if (!(p = strchr(p, '\n')))
			return -1;
		p++;
	}
	p = strchr(p, '\n') + 1;
	end = strstr(p, "\n## ");
	if (!end)
		end = p + strlen(p);
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char line[4096];
		if (ll >= sizeof(line))
			ll = sizeof(line) - 1;
		memcpy(line, p, ll);
		line[ll] = '\0';
		if (strncmp(line, "| ฟิลด์ / Field", strlen("| ฟิลด์ / Field")) == 0) {
			in_table = 1;
		} else if (line[0] != '|') {
			in_table = 0;
		} else if (in_table && strncmp(line, "| ---", 5) != 0) {
			char *cell_end = strchr(line + 1, '|'), *q = line + 1;
			int req = strstr(line, "**ใช่ / yes**") || strstr(line, "**ใช่ อย่างน้อย") ||
				strstr(line, "(**บังคับ") || strstr(line, "**บังคับทั้งคู่");
			size_t names = 0;
			char *first = NULL;
			if (cell_end)
				*cell_end = '\0';
			while ((q = strchr(q, '`')) != NULL) {
				char *e = strchr(q + 1, '`');
				if (!e)
					break;
				*e = '\0';
				if (!first)
					first = q + 1;
				add(out, q + 1, names++ ? 0 : 0);
				q = e + 1;
			}
			/* a row of one field states whether it is required */
			if (names == 1)
				out->req[find(out, first)] = req ? 1 : 2;
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return 0;
}

static void test_docs_agree(void)
{
	const char *top = getenv("TOP");
	char path[4096];
	FILE *f;
	char *doc;
	long len;
	size_t i, j, k;

	snprintf(path, sizeof(path), "%s/docs/content-format.md", top ? top : ".");
	f = fopen(path, "rb");
	CHECK(f != NULL);
	if (!f)
		return;
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	doc = calloc(1, (size_t)len + 1);
	CHECK(fread(doc, 1, (size_t)len, f) == (size_t)len);
	fclose(f);
	for (i = 0; schema_all[i]; i++) {
		struct nameset want = { 0 }, got = { 0 };
		const char *sec = schema_all[i]->doc_section;
		int seen = 0;
		if (!sec)
			continue;
		for (j = 0; j < i; j++)
			if (schema_all[j]->doc_section && strcmp(schema_all[j]->doc_section, sec) == 0)
				seen = 1;
		if (seen)
			continue; /* the section was compared with its first schema */
		for (j = i; schema_all[j]; j++)
			if (schema_all[j]->doc_section && strcmp(schema_all[j]->doc_section, sec) == 0)
				from_schema(&want, schema_all[j]);
		CHECK(from_doc(&got, doc, sec) == 0);
		for (k = 0; k < want.n; k++) {
			int g = find(&got, want.name[k]);
			if (g < 0) {
				fprintf(stderr, "%s: field %s is not in the documentation's table\n", sec, want.name[k]);
				CHECK(g >= 0);
			} else if (got.req[g] && (got.req[g] == 1) != (want.req[k] != 0)) {
				fprintf(stderr, "%s: field %s is %s in the table but %s in the documentation\n",
					sec, want.name[k], want.req[k] ? "required" : "optional",
					got.req[g] == 1 ? "required" : "optional");
				CHECK(0);
			}
		}
		for (k = 0; k < got.n; k++)
			if (find(&want, got.name[k]) < 0) {
				fprintf(stderr, "%s: the documentation lists %s, which the table does not have\n",
					sec, got.name[k]);
				CHECK(0);
			}
		for (k = 0; k < want.n; k++)
			free(want.name[k]);
		for (k = 0; k < got.n; k++)
			free(got.name[k]);
	}
	free(doc);
}

/* Every table, nested ones included, fits SCHEMA_MAX_FIELDS (the key
 * list ycheck_keys() gets is that long), has unique names, and a
 * manual-free SF_MAP or SF_LIST field has its sub-table. */
static void check_table(const struct schema *s, int depth)
{
	size_t i, j;

	CHECK(s->n > 0 && s->n <= SCHEMA_MAX_FIELDS);
	CHECK(depth < 8);
	for (i = 0; i < s->n; i++) {
		const struct sfield *f = &s->fields[i];
		for (j = 0; j < i; j++)
			CHECK(strcmp(s->fields[j].name, f->name) != 0);
		if (f->type == SF_MAP && !(f->flags & SF_MANUAL))
			CHECK(f->sub != NULL);
		if (f->sub && depth < 8)
			check_table(f->sub, depth + 1);
	}
}

static void test_tables(void)
{
	const char *names[SCHEMA_MAX_FIELDS + 1];
	size_t i;

	for (i = 0; schema_all[i]; i++) {
		check_table(schema_all[i], 0);
		CHECK_INT(schema_names(schema_all[i], names), schema_all[i]->n);
		CHECK(names[schema_all[i]->n] == NULL);
	}
}

/* The generic reader: every type, a cap at its limit and one over, required
 * fields counted. */
static void test_reader(void)
{
	struct arena a;
	struct diags d;
	struct yctx c;
	struct news nw;
	struct page pg;
	int ok;
	char text[1200];
	struct ynode *root;

	arena_init(&a);
	diags_init(&d, LANG_EN);
	c.a = &a;
	c.d = &d;
	c.path = "t.yaml";
	memset(&pg, 0, sizeof(pg));
	pg.menu = -1;
	root = yload(&a, &d, "t.yaml", "title: T\nmenu: 99\nsummary: s\n", 29, 0, &ok);
	CHECK(ok && fields_read(&c, &schema_page, root, &pg) == 0);
	CHECK_STR(pg.title, "T");
	CHECK_INT(pg.menu, 99);
	CHECK_INT(d.errors, 0);
	root = yload(&a, &d, "t.yaml", "menu: 100\ntitel: T\n", 19, 0, &ok);
	pg.menu = -1;
	CHECK(ok && fields_read(&c, &schema_page, root, &pg) == 1); /* title missing */
	CHECK_INT(pg.menu, -1);
	CHECK_INT(d.errors, 3); /* menu over 99, unknown titel, missing title */
	/* title: 500 code points is the cap */
	memset(&nw, 0, sizeof(nw));
	strcpy(text, "title: ");
	memset(text + 7, 'x', 500);
	strcpy(text + 507, "\n");
	root = yload(&a, &d, "t.yaml", text, strlen(text), 0, &ok);
	CHECK(ok && fields_read(&c, &schema_news, root, &nw) == 0);
	CHECK_INT(d.errors, 3);
	memset(text + 7, 'x', 501);
	strcpy(text + 508, "\n");
	root = yload(&a, &d, "t.yaml", text, strlen(text), 0, &ok);
	CHECK(ok && fields_read(&c, &schema_news, root, &nw) == 1);
	CHECK_INT(d.errors, 4);
	diags_free(&d);
	arena_free(&a);
	/* one check for every link field */
	CHECK_INT(link_kind("https://a.example/x"), LINK_ABSOLUTE);
	CHECK_INT(link_kind("HTTP://a.example"), LINK_ABSOLUTE);
	CHECK_INT(link_kind("media/report.pdf"), LINK_SITE);
	CHECK_INT(link_kind("/news/"), LINK_SITE);
	CHECK_INT(link_kind("javascript:alert(1)"), LINK_BAD);
	CHECK_INT(link_kind("JavaScript:alert(1)"), LINK_BAD);
	CHECK_INT(link_kind("data:text/html,x"), LINK_BAD);
	CHECK_INT(link_kind("https://user@a.example/"), LINK_BAD);
	CHECK_INT(link_kind("https://"), LINK_BAD);
	CHECK_INT(link_kind("//a.example/"), LINK_BAD);
	CHECK_INT(link_kind("https://a.example/ x"), LINK_BAD);
	CHECK_INT(link_kind(""), LINK_BAD);
	CHECK(year_be_ok(YEAR_BE_MIN) && year_be_ok(YEAR_BE_MAX));
	CHECK(!year_be_ok(YEAR_BE_MIN - 1) && !year_be_ok(YEAR_BE_MAX + 1));
}

int main(void)
{
	test_docs_agree();
	test_tables();
	test_reader();
	return CHECK_RESULT();
}
