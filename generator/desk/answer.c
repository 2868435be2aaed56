/* answer.c: see answer.h. */
#include "desk/answer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "load/complaints.h"
#include "load/load.h"
#include "model/dates.h"
#include "trackcode.h"

/* s as a double-quoted YAML scalar. */
static void quoted(struct buf *b, const char *s)
{
	buf_addc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			buf_printf(b, "\\%c", c);
		else if (c == '\n')
			buf_adds(b, "\\n");
		else if (c == '\t')
			buf_adds(b, "\\t");
		else if (c < 0x20 || c == 0x7f)
			buf_printf(b, "\\x%02x", c);
		else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

static void field(struct buf *b, const char *indent, const char *name, const char *value)
{
	if (!value)
		return;
	buf_printf(b, "%s%s: ", indent, name);
	quoted(b, value);
	buf_addc(b, '\n');
}

static void event(struct buf *b, const struct case_event *e)
{
	char iso[11];

	date_iso(e->date, iso);
	buf_printf(b, "  - date: %s\n    status: %s\n", iso, case_status_name(e->status));
	field(b, "    ", "note", e->note);
	field(b, "    ", "note_en", e->note_en);
	field(b, "    ", "reason", e->reason);
}

char *answer_yaml(const struct complaint_resp *base, const struct case_event *add)
{
	struct buf b;
	char *out = NULL;
	size_t i;

	buf_init(&b, ANSWER_MAX_TEXT);
	buf_adds(&b, "# บันทึกการตอบเรื่องร้องเรียน (เผยแพร่ในหน้าติดตามเรื่อง) — staff response, public\n");
	if (base && base->category)
		buf_printf(&b, "category: %s\n", base->category);
	buf_adds(&b, "history:\n");
	for (i = 0; base && i < base->n_history; i++)
		event(&b, &base->history[i]);
	if (add)
		event(&b, add);
	if (base) {
		field(&b, "", "summary", base->summary);
		field(&b, "", "summary_en", base->summary_en);
		if (base->publish_summary)
			buf_adds(&b, "publish_summary: true\n");
	}
	if (b.err == BUF_OK && (out = malloc(b.len + 1)) != NULL)
		memcpy(out, buf_str(&b), b.len + 1);
	buf_free(&b);
	return out;
}

const struct complaint_resp *answer_check(struct model *m, const char *code, const char *text, pdate created,
	struct diags *d)
{
	struct complaint_resp *r;
	char rel[TRACKCODE_SIZE + 32];

	snprintf(rel, sizeof rel, "complaints/%s.yaml", code);
	r = load_complaint_text(m, rel, text, strlen(text), d);
	m->n_responses = 0;
	m->n_subs = 0;
	if (!r)
		return NULL;
	m->responses = arena_alloc(&m->arena, sizeof *m->responses);
	m->responses[0] = r;
	m->n_responses = 1;
	m->subs = arena_alloc(&m->arena, sizeof *m->subs);
	memset(m->subs, 0, sizeof *m->subs);
	m->subs[0].kind = FORM_COMPLAINT;
	m->subs[0].code = r->code;
	m->subs[0].created = created;
	m->n_subs = 1;
	m->subs_from_db = 1;
	complaints_check(m, d);
	return r;
}
