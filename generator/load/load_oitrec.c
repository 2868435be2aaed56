/* load_oitrec.c: the OIT records that are not projects: participation
 * activities (O19), service guides (O9), the corruption-complaint
 * guideline (O16) and published questions and answers (O3).  Each is read as its table in model/schema.c says;
 * cross-record rules (projects, districts, media) are validate.c's. */
#include "load/load_int.h"

#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "model/schema.h"
#include "utf8.h"

/* The list field key of map as text items (each at most max code points),
 * copied into c->a and NULL-terminated.  Reports a missing list when
 * required, and each item that is not text.  allow_empty 0: an empty list
 * is reported too ("at least one").  *n_out items. */
static const char **text_list(struct yctx *c, const struct ynode *map, const char *key, int required,
	int allow_empty, int max, size_t *n_out)
{
	const struct ynode *seq = yget_seq(c, map, key, required);
	const char **out;
	size_t i, n = 0;

	*n_out = 0;
	if (!seq)
		return NULL;
	out = arena_alloc(c->a, (seq->n + 1) * sizeof(*out));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		if (it->kind != YN_SCALAR || ynode_is_null(it) || !it->s[0]) {
			diag_error(c->d, yloc(c->path, it), "แต่ละรายการของ %s ต้องเป็นข้อความหนึ่งบรรทัด",
				"each item of %s must be a line of text", key);
			continue;
		}
		if (max && utf8_count(it->s, strlen(it->s)) > (size_t)max) {
			diag_error(c->d, yloc(c->path, it), "รายการของ %s ยาวเกิน %d ตัวอักษร",
				"an item of %s is longer than %d characters", key, max);
			continue;
		}
		out[n++] = arena_strdup(c->a, it->s);
	}
	out[n] = NULL;
	if (!seq->n && !allow_empty)
		diag_error(c->d, yloc(c->path, seq), "%s ต้องมีอย่างน้อย 1 รายการ", "%s needs at least one item", key);
	*n_out = n;
	return out;
}

/* A list of mappings read with schema s into elements of size sz; what
 * names an item in the "each ... needs" message.  *n_out read. */
static void *map_list(struct yctx *c, const struct ynode *map, const char *key, int required,
	const struct schema *s, size_t sz, const char *need_th, const char *need_en, size_t *n_out)
{
	const struct ynode *seq = yget_seq(c, map, key, required);
	char *out;
	size_t i, n = 0;

	*n_out = 0;
	if (!seq)
		return NULL;
	out = arena_alloc(c->a, (seq->n + 1) * sz);
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "%s%.0s", "%.0s%s", need_th, need_en);
			continue;
		}
		memset(out + n * sz, 0, sz);
		if (fields_read(c, s, it, out + n * sz) == 0)
			n++;
	}
	if (!seq->n && required)
		diag_error(c->d, yloc(c->path, seq), "%s ต้องมีอย่างน้อย 1 รายการ", "%s needs at least one item", key);
	*n_out = n;
	return out;
}

struct participation *load_participation(struct loader *ld, const char *rel, const char *text, size_t len)
{
	struct yctx *c = &ld->c;
	const char *body, *slug = stem(c->a, rel, ".md");
	const char *fys = component(c->a, rel, 1);
	size_t i;
	int body_line, good = 1, fmt;
	struct ynode *root;
	const struct ynode *n, *seq;
	struct participation *p;

	if (!file_name_safe(c, rel, slug))
		return NULL;
	if (!be_year_name(fys)) {
		diag_error(c->d, file_loc(rel), "โฟลเดอร์ participation/%s/ ต้องเป็นปีงบประมาณ เช่น 2569",
			"the folder participation/%s/ must be a fiscal year such as 2569", fys);
		return NULL;
	}
	if (load_front_matter(ld, rel, text, len, "ข้อมูลกิจกรรม", "the activity's fields", &root, &body, &body_line))
		return NULL;
	if (!root) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ไม่มีข้อมูลกิจกรรมระหว่างบรรทัด ---", "no activity fields between the --- lines");
		return NULL;
	}
	p = arena_alloc(c->a, sizeof(*p));
	memset(p, 0, sizeof(*p));
	p->path = rel;
	p->slug = slug;
	p->fiscal_year = be_year_name(fys);
	p->body = arena_strdup(c->a, body);
	if (fields_read(c, &schema_participation, root, p) != 0)
		good = 0;
	if ((n = ymap_get(root, "date")) != NULL) {
		p->line_date = n->line;
		p->col_date = n->col;
		if (p->date && date_fiscal_year(p->date) != p->fiscal_year) {
			diag_error(c->d, yloc(rel, n),
				"วันที่อยู่นอกปีงบประมาณ %d (1 ต.ค. ถึง 30 ก.ย.) ของโฟลเดอร์ participation/%d/",
				"the date is outside fiscal year %d (1 Oct to 30 Sep) of the folder participation/%d/",
				p->fiscal_year, p->fiscal_year);
			/* kept, so that its references are checked too: the error
			 * stops the build anyway */
		}
	}
	if ((n = ymap_get(root, "district")) != NULL) {
		p->line_district = n->line;
		p->col_district = n->col;
	}
	fmt = -1;
	if ((n = ymap_get(root, "format")) != NULL && n->kind == YN_SCALAR && !ynode_is_null(n)) {
		for (fmt = 0; part_format_v[fmt] && strcmp(part_format_v[fmt], n->s) != 0; fmt++)
			;
		if (!part_format_v[fmt]) {
			diag_error(c->d, yloc(rel, n),
				"format ต้องเป็น forum (เวทีประชาคม), hearing (รับฟังความคิดเห็น), survey (สำรวจความคิดเห็น),"
				" meeting (ประชุมหารือร่วม) หรือ online (ช่องทางออนไลน์) (ได้ \"%s\")",
				"format must be forum, hearing, survey, meeting or online (got \"%s\")", n->s);
			fmt = -1;
		}
	} else {
		fmt = fields_enum(c, schema_field(&schema_participation, "format"), root);
	}
	if (fmt < 0)
		good = 0;
	else
		p->format = part_format_v[fmt];
	p->groups = map_list(c, root, "participants", 1, schema_field(&schema_participation, "participants")->sub,
		sizeof(*p->groups), "ผู้เข้าร่วมแต่ละกลุ่มต้องมี group และ count เช่น {group: ผู้นำชุมชน, count: 12}",
		"each group of participants needs group and count, such as {group: community leaders, count: 12}",
		&p->n_groups);
	if (!p->n_groups)
		good = 0;
	for (i = 0; i < p->n_groups; i++)
		p->total += p->groups[i].count;
	p->links = map_list(c, root, "links", 0, schema_field(&schema_participation, "links")->sub,
		sizeof(*p->links), "แต่ละลิงก์ต้องมี label และ url", "each link needs label and url", &p->n_links);
	p->line_links = (n = ymap_get(root, "links")) ? n->line : 0;
	if ((seq = yget_seq(c, root, "projects", 0)) != NULL) {
		p->projects = arena_alloc(c->a, (seq->n + 1) * sizeof(*p->projects));
		for (i = 0; i < seq->n; i++) {
			struct idref *r = &p->projects[p->n_projects];
			if (!(r->id = ynode_id(c, seq->items[i], "projects")))
				continue;
			r->line = seq->items[i]->line;
			r->col = seq->items[i]->col;
			p->n_projects++;
		}
	}
	if (!good || !p->topic || !p->outcome || !p->changes)
		return NULL;
	return p;
}

struct service *load_service(struct loader *ld, const char *rel, const struct ynode *root)
{
	struct yctx *c = &ld->c;
	const char *slug = stem(c->a, rel, ".yaml");
	struct service *s;
	int good = 1;

	if (!file_name_safe(c, rel, slug))
		return NULL;
	if (!file_has_content(c, rel, root))
		return NULL;
	s = arena_alloc(c->a, sizeof(*s));
	memset(s, 0, sizeof(*s));
	s->path = rel;
	s->slug = slug;
	if (fields_read(c, &schema_service, root, s) != 0)
		good = 0;
	s->steps = text_list(c, root, "steps", 1, 0, 1000, &s->n_steps);
	s->channels = text_list(c, root, "channels", 1, 0, 500, &s->n_channels);
	/* documents: [] is the office saying "none"; a missing key is an omission */
	s->documents = text_list(c, root, "documents", 1, 1, 500, &s->n_documents);
	if (!good || !s->steps || !s->n_steps || !s->channels || !s->n_channels || !s->documents)
		return NULL;
	return s;
}

struct guideline *load_guideline(struct loader *ld, const char *rel, const struct ynode *root)
{
	struct yctx *c = &ld->c;
	struct guideline *g;
	int good = 1;

	if (!file_has_content(c, rel, root))
		return NULL;
	g = arena_alloc(c->a, sizeof(*g));
	memset(g, 0, sizeof(*g));
	g->path = rel;
	if (fields_read(c, &schema_guideline, root, g) != 0)
		good = 0;
	g->steps = map_list(c, root, "steps", 1, schema_field(&schema_guideline, "steps")->sub,
		sizeof(*g->steps), "แต่ละขั้นตอนต้องมี step และ time เช่น {step: รับเรื่อง, time: ภายใน 1 วันทำการ}",
		"each step needs step and time, such as {step: register it, time: within 1 working day}",
		&g->n_steps);
	g->channels = text_list(c, root, "channels", 1, 0, 500, &g->n_channels);
	if (!good || !g->n_steps || !g->n_channels)
		return NULL;
	return g;
}

/* Where text looks like personal data (an e-mail address, or a run of 9 or
 * more digits: a phone or ID number), the byte offset of it, else -1.
 * Spaced or hyphenated office numbers ("0 4281 1358") pass. */
static long personal_like(const char *t)
{
	size_t i, run = 0;

	for (i = 0; t && t[i]; i++) {
		if (t[i] >= '0' && t[i] <= '9') {
			if (++run >= 9)
				return (long)(i + 1 - run);
		} else {
			run = 0;
		}
		if (t[i] == '@' && i > 0 && t[i + 1] && strchr(t + i + 1, '.'))
			return (long)i;
	}
	return -1;
}

struct question *load_question(struct loader *ld, const char *rel, const struct ynode *root)
{
	static const char *const texts[] = { "question", "question_en", "answer", "answer_en", NULL };
	struct yctx *c = &ld->c;
	const char *slug = stem(c->a, rel, ".yaml");
	const struct ynode *n;
	struct question *q;
	size_t i;

	if (!file_name_safe(c, rel, slug))
		return NULL;
	if (!file_has_content(c, rel, root))
		return NULL;
	q = arena_alloc(c->a, sizeof(*q));
	memset(q, 0, sizeof(*q));
	q->path = rel;
	q->slug = slug;
	if (fields_read(c, &schema_question, root, q) != 0 || !q->question || !q->answer || !q->asked ||
		!q->answered)
		return NULL;
	if (q->answered < q->asked) {
		diag_error(c->d, yloc(rel, ymap_get(root, "answered")),
			"วันที่ตอบ (answered) อยู่ก่อนวันที่ได้รับคำถาม (asked)",
			"answered is before asked");
		return NULL;
	}
	for (i = 0; texts[i]; i++)
		if ((n = ymap_get(root, texts[i])) != NULL && n->kind == YN_SCALAR &&
			personal_like(n->s) >= 0)
			diag_warn(c->d, yloc(rel, n),
				"%s มีข้อความคล้ายข้อมูลส่วนบุคคล (อีเมล หรือเลขโทรศัพท์/เลขประจำตัว 9 หลักขึ้นไป):"
				" หน้าถาม-ตอบต้องไม่แสดงข้อมูลของผู้ถาม",
				"%s looks like it holds personal data (an e-mail address, or a phone or ID number of 9"
				" or more digits): the questions page must never show the asker's data",
				texts[i]);
	return q;
}
