/* fuzz_tmpl.c: libFuzzer harness for the template engine (generator/tmpl.c).
 *
 * Input: a template, optionally followed by a NUL byte and a second template
 * that is added to the set as the partial "p" (so {{> p}}, recursion and
 * depth limits are reached).  Both are parsed with tmpl_load_string() /
 * tmpl_add_string() and, when they parse, "t" is rendered against a fixed
 * view with strings (hostile ones among them), a list of maps, booleans and
 * a nested map.  Checks, beyond the sanitizers: the output stays within the
 * buffer's cap, and the hostile value, printed with {{name}}, never appears
 * unescaped (unless the input uses {{& name}}).  Seeds: tests/fuzz/corpus/tmpl/, dictionary tests/fuzz/tmpl.dict. */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "render/tmpl.h"
#include "render/tval.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define OUT_CAP (1u << 20)

static struct tval *make_view(struct arena *a)
{
	struct tval *v = tv_map(a), *items = tv_list(a), *site = tv_map(a);
	int i;

	tv_sets(a, v, "title", "หัวเรื่อง <b>&\"'");
	/* "\xff" is invalid UTF-8, which no template may contain: in the
	 * output it can only come from this value, and next to a raw '<' or
	 * '>' only when the value was not escaped */
	tv_sets(a, v, "evil", "<\xff><script>alert(1)</script>");
	tv_sets(a, v, "empty", "");
	tv_setb(a, v, "yes", 1);
	tv_setb(a, v, "no", 0);
	tv_sets(a, site, "name", "สำนักงาน");
	tv_set(a, site, "self", v);
	tv_set(a, v, "site", site);
	for (i = 0; i < 3; i++) {
		struct tval *it = tv_map(a);
		tv_setf(a, it, "id", "%d", i);
		tv_sets(a, it, "label", i == 1 ? "<img src=x onerror=alert(1)>" : "ok");
		tv_setb(a, it, "last", i == 2);
		tv_set(a, it, "items", items);
		tv_push(a, items, it);
	}
	tv_set(a, v, "items", items);
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	struct tmpl_set *set;
	struct buf out;
	const char *text = (const char *)data, *sep;
	size_t len = size;
	char err[256];

	if (size > TMPL_MAX_SIZE + 16)
		return 0;
	sep = memchr(text, '\0', size);
	if (sep)
		len = (size_t)(sep - text);
	set = tmpl_load_string("t", text, len, err, sizeof err);
	if (!set)
		return 0;
	if (sep && tmpl_add_string(set, "p", sep + 1, size - len - 1, err, sizeof err) != 0) {
		/* the set must be unchanged and still usable */
		if (tmpl_has(set, "p"))
			abort();
	}
	arena_init(&a);
	buf_init(&out, OUT_CAP);
	if (tmpl_render(set, "t", make_view(&a), &out) == 0) {
		if (out.len > OUT_CAP)
			abort();
		/* escaped values never come out raw, whatever the template */
		if (out.data && (memmem(out.data, out.len, "<\xff", 2) || memmem(out.data, out.len, "\xff>", 2)) &&
		    !memmem(text, size, "{{&", 3)) {
			fprintf(stderr, "unescaped value in output\n");
			abort();
		}
	}
	buf_free(&out);
	arena_free(&a);
	tmpl_free(set);
	return 0;
}
