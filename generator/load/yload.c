#include "load/yload.h"

#include <assert.h>
#include <string.h>
#include <yaml.h>

struct ybuilder {
	struct arena *a;
	struct diags *d;
	const char *path;
	int line_offset;
	size_t nodes;
	int depth;
	int ok;
	int quote_names; /* quote anchor and alias names in messages */
};

/* Growable child lists are built in temporary arrays then frozen. */
struct yframe {
	struct ynode *node;
	size_t alloc;
	struct ynode *pending_key; /* map: key waiting for its value */
};

static struct loc ymark(struct ybuilder *b, yaml_mark_t m)
{
	struct loc l = { b->path, (int)m.line + 1 + b->line_offset, (int)m.column + 1 };
	return l;
}

struct loc yloc(const char *path, const struct ynode *n)
{
	struct loc l = { path, n ? n->line : 0, n ? n->col : 0 };
	return l;
}

static void yappend(struct ybuilder *b, struct yframe *f, struct ynode *child, struct ynode *key)
{
	struct ynode *p = f->node;

	if (p->n == f->alloc) {
		size_t na = f->alloc ? f->alloc * 2 : 8;
		struct ynode **items = arena_alloc(b->a, na * sizeof(*items));
		if (p->n)
			memcpy(items, p->items, p->n * sizeof(*items));
		p->items = items;
		if (p->kind == YN_MAP) {
			struct ynode **keys = arena_alloc(b->a, na * sizeof(*keys));
			if (p->n)
				memcpy(keys, p->keys, p->n * sizeof(*keys));
			p->keys = keys;
		}
		f->alloc = na;
	}
	p->items[p->n] = child;
	if (p->kind == YN_MAP)
		p->keys[p->n] = key;
	p->n++;
}

static const char *yaml_problem(struct ybuilder *b, const yaml_parser_t *p)
{
	(void)b;
	return p->problem ? p->problem : "syntax error";
}

/* Byte offsets of the starts of lines, so that a mark (line, column in
 * code points) can be found in the text. */
struct lines {
	const char *text;
	size_t len, n;
	size_t *start;
};

static void lines_init(struct lines *ls, struct arena *a, const char *text, size_t len)
{
	size_t i, n = 1;

	for (i = 0; i < len; i++)
		n += text[i] == '\n';
	ls->text = text;
	ls->len = len;
	ls->n = 0;
	ls->start = arena_alloc(a, n * sizeof(*ls->start));
	ls->start[ls->n++] = 0;
	for (i = 0; i < len; i++)
		if (text[i] == '\n' && ls->n < n)
			ls->start[ls->n++] = i + 1;
}

/* The byte offset of 0-based line and code-point column, or len. */
static size_t lines_offset(const struct lines *ls, size_t line, size_t col)
{
	size_t o;

	if (line >= ls->n)
		return ls->len;
	o = ls->start[line];
	while (col > 0 && o < ls->len && ls->text[o] != '\n') {
		o++;
		while (o < ls->len && ((unsigned char)ls->text[o] & 0xC0) == 0x80)
			o++;
		col--;
	}
	return o;
}

/* The code-point column (1-based) of byte offset o on its line. */
static int lines_col(const struct lines *ls, size_t line, size_t o)
{
	size_t i;
	int col = 1;

	for (i = ls->start[line]; i < o; i++)
		if (((unsigned char)ls->text[i] & 0xC0) != 0x80)
			col++;
	return col;
}

/* Report a parse error where the officer must act, with the fix: a Tab,
 * a key without ':' (at the key's line, not the next), a quote never
 * closed (where it opened); other problems in libyaml's words. */
static void report_syntax(struct ybuilder *b, const yaml_parser_t *p, const struct lines *ls)
{
	const char *problem = yaml_problem(b, p), *ctx = p->context ? p->context : "";
	size_t line = p->problem_mark.line, o, end;
	struct loc l;

	if (line < ls->n) {
		o = ls->start[line];
		end = line + 1 < ls->n ? ls->start[line + 1] : ls->len;
		for (; o < end; o++)
			if (ls->text[o] == '\t') {
				l.path = b->path;
				l.line = (int)line + 1 + b->line_offset;
				l.col = lines_col(ls, line, o);
				diag_error(b->d, l, "มีแท็บ (Tab) ในบรรทัดนี้ ใช้เว้นวรรคแทนแท็บ",
					"a Tab in this line: use spaces instead of Tab");
				return;
			}
	}
	if (strstr(ctx, "quoted scalar")) {
		diag_error(b->d, ymark(b, p->context_mark),
			"เครื่องหมายคำพูดที่เปิดตรงนี้ไม่ได้ปิด ใส่เครื่องหมายคำพูดแบบเดียวกันปิดท้ายข้อความ",
			"the quote opened here is never closed: end the text with the same quote mark");
		return;
	}
	if (strstr(problem, "expected ':'") && strstr(ctx, "simple key")) {
		diag_error(b->d, ymark(b, p->context_mark),
			"บรรทัดนี้ไม่มีเครื่องหมาย : หลังชื่อฟิลด์ เขียนเป็น ชื่อ: ค่า (เว้นวรรคหลัง :)",
			"this line has no ':' after the field name: write name: value (a space after the ':')");
		return;
	}
	diag_error(b->d, ymark(b, p->problem_mark), "รูปแบบ YAML ไม่ถูกต้อง: %s%s%s",
		"YAML syntax error: %s%s%s", problem, ctx[0] ? " " : "", ctx);
}

/* A plain value followed on its line by "#" and text ("no. #2") lost that
 * text to a YAML comment: an error asking for quotes.  "# note" (a space
 * after the #) is a comment and left alone. */
static void check_cut(struct ybuilder *b, const yaml_event_t *ev, const struct lines *ls)
{
	size_t o = lines_offset(ls, ev->end_mark.line, ev->end_mark.column), s = o;
	struct loc l;

	while (o < ls->len && (ls->text[o] == ' ' || ls->text[o] == '\t'))
		o++;
	if (o == s || o + 1 >= ls->len || ls->text[o] != '#' || strchr(" \t\r\n#", ls->text[o + 1]))
		return;
	l.path = b->path;
	l.line = (int)ev->end_mark.line + 1 + b->line_offset;
	l.col = lines_col(ls, ev->end_mark.line, o);
	diag_error(b->d, l,
		"ข้อความหลัง # ถูกตัดทิ้ง (YAML ถือว่าเป็นหมายเหตุ) ใส่ข้อความไว้ในเครื่องหมายคำพูด เช่น \"... #2\"",
		"the text from # on is cut off (YAML reads it as a comment): put the text in quotes, e.g. \"... #2\"");
	b->ok = 0;
}

static struct ynode *yload_impl(struct arena *a, struct diags *d, const char *path,
	const char *text, size_t len, int line_offset, int quote_names, int *ok)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	struct ybuilder b = { a, d, path, line_offset, 0, 0, 1, quote_names };
	struct yframe stack[YLOAD_MAX_DEPTH + 2];
	int sp = 0, done = 0, docs = 0;
	struct ynode *root = NULL;
	struct lines ls;

	*ok = 0;
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
		text += 3; /* a UTF-8 BOM from Windows editors */
		len -= 3;
	}
	lines_init(&ls, a, text, len);
	if (!yaml_parser_initialize(&parser)) {
		struct loc l = { path, 0, 0 };
		diag_error(d, l, "อ่าน YAML ไม่ได้ (หน่วยความจำ)", "cannot initialise the YAML parser");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done) {
		struct ynode *node = NULL;

		if (!yaml_parser_parse(&parser, &ev)) {
			report_syntax(&b, &parser, &ls);
			b.ok = 0;
			break;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = 1;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++docs > 1) {
				diag_error(d, ymark(&b, ev.start_mark),
					"มีเอกสาร YAML มากกว่าหนึ่งชุดในไฟล์เดียว (มีบรรทัด --- เกิน)",
					"more than one YAML document in the file (an extra --- line)");
				b.ok = 0;
				done = 1;
			}
			break;
		case YAML_ALIAS_EVENT:
			diag_error(d, ymark(&b, ev.start_mark),
				"ไม่รองรับการอ้างอิง YAML (alias *%s) ให้เขียนค่าซ้ำแทน",
				"YAML aliases (*%s) are not allowed; write the value out",
				b.quote_names ? (const char *)ev.data.alias.anchor : "...");
			b.ok = 0;
			done = 1;
			break;
		case YAML_SCALAR_EVENT:
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			const yaml_char_t *anchor = ev.type == YAML_SCALAR_EVENT ? ev.data.scalar.anchor :
				ev.type == YAML_SEQUENCE_START_EVENT ? ev.data.sequence_start.anchor :
				ev.data.mapping_start.anchor;
			if (anchor) {
				diag_error(d, ymark(&b, ev.start_mark),
					"ไม่รองรับ anchor ของ YAML (&%s)", "YAML anchors (&%s) are not allowed",
					b.quote_names ? (const char *)anchor : "...");
				b.ok = 0;
				done = 1;
				break;
			}
			if (++b.nodes > YLOAD_MAX_NODES) {
				diag_error(d, ymark(&b, ev.start_mark),
					"ไฟล์มีข้อมูลมากเกินไป (เกิน %d รายการ)",
					"too many YAML nodes (over %d)", YLOAD_MAX_NODES);
				b.ok = 0;
				done = 1;
				break;
			}
			node = arena_alloc(a, sizeof(*node));
			node->line = (int)ev.start_mark.line + 1 + line_offset;
			node->col = (int)ev.start_mark.column + 1;
			if (ev.type == YAML_SCALAR_EVENT) {
				if (ev.data.scalar.length > YLOAD_MAX_SCALAR) {
					diag_error(d, ymark(&b, ev.start_mark),
						"ข้อความยาวเกินไป (เกิน %d ไบต์)", "text too long (over %d bytes)",
						YLOAD_MAX_SCALAR);
					b.ok = 0;
					done = 1;
					break;
				}
				node->kind = YN_SCALAR;
				node->s = arena_strndup(a, (const char *)ev.data.scalar.value, ev.data.scalar.length);
				node->len = ev.data.scalar.length;
				node->plain = ev.data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
				if (node->plain)
					check_cut(&b, &ev, &ls);
			} else {
				node->kind = ev.type == YAML_SEQUENCE_START_EVENT ? YN_SEQ : YN_MAP;
			}
			/* attach to the parent */
			if (sp == 0) {
				root = node;
			} else {
				struct yframe *f = &stack[sp - 1];
				if (f->node->kind == YN_SEQ) {
					yappend(&b, f, node, NULL);
				} else if (!f->pending_key) {
					if (node->kind != YN_SCALAR) {
						diag_error(d, ymark(&b, ev.start_mark),
							"ชื่อฟิลด์ต้องเป็นข้อความธรรมดา", "a mapping key must be a plain scalar");
						b.ok = 0;
						done = 1;
						break;
					}
					f->pending_key = node;
				} else {
					size_t i;
					for (i = 0; i < f->node->n; i++) {
						if (strcmp(f->node->keys[i]->s, f->pending_key->s) == 0) {
							diag_error(d, yloc(path, f->pending_key),
								"ฟิลด์ \"%s\" ซ้ำ (มีแล้วที่บรรทัด %d)",
								"duplicate key \"%s\" (first at line %d)",
								f->pending_key->s, f->node->keys[i]->line);
							b.ok = 0;
							break;
						}
					}
					yappend(&b, f, node, f->pending_key);
					f->pending_key = NULL;
				}
			}
			if (node->kind != YN_SCALAR) {
				if (sp >= YLOAD_MAX_DEPTH) {
					diag_error(d, ymark(&b, ev.start_mark),
						"ข้อมูลซ้อนกันลึกเกินไป (เกิน %d ชั้น)",
						"nesting too deep (over %d levels)", YLOAD_MAX_DEPTH);
					b.ok = 0;
					done = 1;
					break;
				}
				stack[sp].node = node;
				stack[sp].alloc = 0;
				stack[sp].pending_key = NULL;
				sp++;
			}
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			assert(sp > 0);
			sp--;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	if (!b.ok)
		return NULL;
	if (root && root->kind != YN_MAP && !ynode_is_null(root)) {
		diag_error(d, yloc(path, root), "ไฟล์ต้องเป็นชุดฟิลด์ (ชื่อ: ค่า)",
			"the file must be a mapping (key: value)");
		return NULL;
	}
	if (root && root->kind == YN_SCALAR)
		root = NULL;
	*ok = 1;
	return root;
}

struct ynode *yload(struct arena *a, struct diags *d, const char *path,
	const char *text, size_t len, int line_offset, int *ok)
{
	return yload_impl(a, d, path, text, len, line_offset, 1, ok);
}

struct ynode *yload_secret(struct arena *a, struct diags *d, const char *path,
	const char *text, size_t len, int *ok)
{
	return yload_impl(a, d, path, text, len, 0, 0, ok);
}

struct ynode *ymap_get(const struct ynode *map, const char *key)
{
	size_t i;

	if (!map || map->kind != YN_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i]->s, key) == 0)
			return map->items[i];
	return NULL;
}

int ynode_is_null(const struct ynode *n)
{
	if (!n)
		return 1;
	if (n->kind != YN_SCALAR || !n->plain)
		return 0;
	return n->len == 0 || strcmp(n->s, "~") == 0 || strcmp(n->s, "null") == 0 ||
		strcmp(n->s, "Null") == 0 || strcmp(n->s, "NULL") == 0;
}
