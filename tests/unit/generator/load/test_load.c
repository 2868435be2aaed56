/* test_load.c: the YAML loader's caps and the content loader on the mini
 * fixture: values, derived figures, roll-ups. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "derive/derive.h"
#include "load/load.h"
#include "check/validate.h"
#include "load/yload.h"
#include "load/forms.h"

static int parse_ok(const char *text, size_t *errors)
{
	struct arena a;
	struct diags d;
	int ok;

	arena_init(&a);
	diags_init(&d, LANG_EN);
	yload(&a, &d, "t.yaml", text, strlen(text), 0, &ok);
	*errors = d.errors;
	diags_free(&d);
	arena_free(&a);
	return ok;
}

static void test_yaml_caps(void)
{
	char buf[8192];
	size_t e, i, n;

	CHECK(parse_ok("a: 1\nb: [1, 2]\nc: {d: e}\n", &e) == 1 && e == 0);
	/* depth: exactly YLOAD_MAX_DEPTH levels is fine, one more is not */
	for (n = 1; n <= YLOAD_MAX_DEPTH + 1; n++) {
		size_t k = 0;
		k += (size_t)snprintf(buf + k, sizeof(buf) - k, "x: ");
		for (i = 1; i < n; i++)
			buf[k++] = '[';
		buf[k++] = '1';
		for (i = 1; i < n; i++)
			buf[k++] = ']';
		buf[k] = '\0';
		/* the root map is level 1, so n levels in all */
		CHECK_INT(parse_ok(buf, &e), n <= YLOAD_MAX_DEPTH);
	}
	CHECK(parse_ok("a: &x 1\nb: *x\n", &e) == 0 && e == 1);
	CHECK(parse_ok("a: *x\n", &e) == 0);
	CHECK(parse_ok("a: 1\na: 2\n", &e) == 0 && e == 1);
	CHECK(parse_ok("a: 1\n---\nb: 2\n", &e) == 0);
	CHECK(parse_ok("- 1\n- 2\n", &e) == 0);
	CHECK(parse_ok("", &e) == 1);
	/* node cap */
	{
		size_t cap = (YLOAD_MAX_NODES + 10) * 3 + 16, k;
		char *big = malloc(cap);
		k = (size_t)snprintf(big, cap, "x: [");
		for (i = 0; i < YLOAD_MAX_NODES + 5; i++)
			k += (size_t)snprintf(big + k, cap - k, "1,");
		snprintf(big + k, cap - k, "1]\n");
		CHECK(parse_ok(big, &e) == 0 && e == 1);
		free(big);
	}
	/* front matter */
	{
		const char *y, *body;
		size_t yl;
		int bl;
		CHECK(split_front_matter("---\na: 1\n---\nbody\n", 18, &y, &yl, &body, &bl) == 0);
		CHECK(yl == 5 && strcmp(body, "body\n") == 0 && bl == 4);
		CHECK(split_front_matter("a: 1\n", 5, &y, &yl, &body, &bl) == -1);
		CHECK(split_front_matter("---\na: 1\n", 9, &y, &yl, &body, &bl) == -1);
	}
}

static void test_mini_fixture(void)
{
	struct model m;
	struct diags d;
	struct derived dv;
	const char *top = getenv("TOP");
	char root[4096];
	struct project *p1, *p2;
	const struct fy_figures *f;

	snprintf(root, sizeof(root), "%s/tests/fixtures/mini", top ? top : ".");
	model_init(&m);
	diags_init(&d, LANG_EN);
	CHECK(date_parse("2026-04-15", &m.today, NULL) == DATE_OK);
	CHECK(load_content(&m, root, 2, &d) == 0);
	validate_model(&m, &d);
	diags_print(&d, stderr, "");
	CHECK_INT(d.errors, 0);
	CHECK_INT(d.warnings, 0);
	CHECK_INT(m.n_projects, 2);
	CHECK_INT(m.n_reports, 3);
	CHECK_INT(m.n_people, 2);
	p1 = model_project(&m, "2569-001");
	p2 = model_project(&m, "2569-002");
	CHECK(p1 && p2);
	if (!p1 || !p2)
		goto out;
	CHECK_INT(p1->allocated, 100000000);      /* "1,000,000.00" baht */
	CHECK_INT(p2->allocated, 20000050);       /* 200000.50 */
	CHECK_INT(p1->n_plan, 3);
	CHECK_INT(p1->n_reports, 2);
	CHECK_INT(p2->n_reports, 1);
	/* a BE date (2569-01-10) is 2026-01-10 */
	CHECK_INT(p2->reports[0]->date, date_from_ymd(2026, 1, 10));
	CHECK_INT(p1->reports[1]->disbursed, 40000025);
	derive_all(&m, &dv);
	/* plan: 60% at 2026-03-31, 100% at 2026-09-30; 15 of 183 days later */
	CHECK_INT(p1->fig.planned_pct, 6000 + (4000 * 15 + 91) / 183);
	CHECK_INT(p1->fig.planned_baht, 60000000 + (40000000LL * 15 + 91) / 183);
	CHECK_INT(p1->fig.actual_pct, 4000);
	CHECK_INT(p1->fig.disbursed, 40000025);
	CHECK_INT(p1->fig.disb_rate, 4000);
	CHECK_INT(p1->fig.status, ST_BEHIND);       /* 23.28 points behind */
	CHECK_INT(p1->fig.plan_linear, 0);
	CHECK_INT(p2->fig.plan_linear, 1);
	CHECK_INT(p2->fig.planned_pct, 10000);      /* period over */
	CHECK_INT(p2->fig.status, ST_SERIOUSLY_BEHIND);
	f = derived_fy(&dv, 2569);
	CHECK(f != NULL);
	if (!f)
		goto out;
	CHECK_INT(f->office.n_projects, 2);
	CHECK_INT(f->office.allocated, 120000050);
	CHECK_INT(f->office.disbursed, 40000025 + 10000000);
	/* budget-weighted means, rounded half up */
	CHECK_INT(f->office.planned_pct, (100000000LL * 6328 + 20000050LL * 10000 + 60000025) / 120000050);
	CHECK_INT(f->office.actual_pct, (100000000LL * 4000 + 20000050LL * 5000 + 60000025) / 120000050);
	CHECK_INT(f->districts[1].n_projects, 2);   /* dan-sai: both */
	CHECK_INT(f->districts[0].n_projects, 1);   /* mueang-loei */
	CHECK_INT(f->groups[0].actual_pct, 4000);
	/* Q1 (to 2025-12-31): 250,000 of 1,200,000.50 baht disbursed */
	CHECK_INT(f->quarters[0].overall, (25000000LL * 10000 + 60000025) / 120000050);
	CHECK_INT(f->quarters[0].t_overall, 3000);
	CHECK_INT(f->quarters[0].complete, 1);
	CHECK_INT(f->quarters[2].past, 1);
	CHECK_INT(f->quarters[3].past, 0);
	CHECK_INT(f->quarters[0].capital, 0);
	CHECK_INT(f->quarters[1].capital, (10000000LL * 10000 + 10000025) / 20000050);
	CHECK_INT(dv.current_fy, 2569);
out:
	model_free(&m);
	diags_free(&d);
}

/* "choices: projects": every project id, newest first, at the cap
 * FORM_MAX_CHOICES and one over (the oldest left out). */
static void test_project_choices(void)
{
	static const size_t counts[] = { 1, FORM_MAX_CHOICES, FORM_MAX_CHOICES + 1 };
	size_t c, i;

	for (c = 0; c < sizeof counts / sizeof counts[0]; c++) {
		struct model m;
		struct form_field fields[2];
		struct form_def form;
		struct project *p;
		size_t n = counts[c], want = n < FORM_MAX_CHOICES ? n : FORM_MAX_CHOICES;

		model_init(&m);
		memset(fields, 0, sizeof fields);
		memset(&form, 0, sizeof form);
		fields[0].name = "speed";
		fields[0].type = FT_SCALE;
		fields[1].name = "project";
		fields[1].type = FT_CHOICE;
		fields[1].choices_projects = 1;
		form.id = "satisfaction";
		form.fields = fields;
		form.n_fields = 2;
		m.forms = &form;
		m.n_forms = 1;
		m.projects = arena_alloc(&m.arena, n * sizeof(*m.projects));
		p = arena_alloc(&m.arena, n * sizeof(*p));
		for (i = 0; i < n; i++) {
			memset(&p[i], 0, sizeof p[i]);
			p[i].id = arena_printf(&m.arena, "2569-%03zu", i + 1);
			p[i].title = "โครงการ";
			m.projects[i] = &p[i];
		}
		m.n_projects = n;
		forms_fill_projects(&m);
		CHECK(form_projects_field(&form) == &fields[1]);
		CHECK_INT(fields[1].n_choices, want);
		CHECK_INT(fields[0].n_choices, 0);
		CHECK_STR(fields[1].choices[0].value, m.projects[n - 1]->id); /* newest first */
		CHECK_STR(fields[1].choices[want - 1].value, m.projects[n - want]->id);
		CHECK_STR(fields[1].choices[0].label_th, arena_printf(&m.arena, "%s โครงการ", m.projects[n - 1]->id));
		m.forms = NULL;
		m.n_forms = 0;
		model_free(&m);
	}
}

int main(void)
{
	test_yaml_caps();
	test_mini_fixture();
	test_project_choices();
	return CHECK_RESULT();
}
