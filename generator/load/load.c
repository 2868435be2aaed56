/* load.c: read content/ into a model: walk, classify, map each file (several
 * threads), then assemble the model in a deterministic order. */
#define _DEFAULT_SOURCE /* realpath under c11 */
#include "load/load.h"

#include <limits.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load/complaints.h"
#include "load/forms.h"
#include "load/load_int.h"

int split_front_matter(const char *text, size_t len, const char **yaml,
	size_t *yaml_len, const char **body, int *body_line)
{
	const char *p, *end = text + len;
	int line = 2;

	if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
		(unsigned char)text[2] == 0xBF) {
		text += 3; /* UTF-8 BOM from Windows editors */
		len -= 3;
	}
	if (len < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
		return -1;
	p = memchr(text, '\n', len);
	if (!p)
		return -1;
	p++;
	*yaml = p;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (ll && p[ll - 1] == '\r')
			ll--;
		if (ll == 3 && strncmp(p, "---", 3) == 0) {
			*yaml_len = (size_t)(p - *yaml);
			*body = nl ? nl + 1 : end;
			*body_line = line + 1;
			return 0;
		}
		if (!nl)
			break;
		p = nl + 1;
		line++;
	}
	return -1;
}

int load_front_matter(struct loader *ld, const char *rel, const char *text, size_t len,
	const char *what_th, const char *what_en, struct ynode **root, const char **body, int *body_line)
{
	const char *yaml;
	size_t yaml_len;
	int ok;

	if (split_front_matter(text, len, &yaml, &yaml_len, body, body_line) != 0) {
		struct loc l = { rel, 1, 1 };
		/* both formats take both arguments; "%.0s" prints nothing */
		diag_error(ld->c.d, l, "ต้องขึ้นต้นไฟล์ด้วยบรรทัด --- ตามด้วย%s และปิดด้วย ---%.0s",
			"the file must start with a --- line, %.0s%s, and a closing ---", what_th, what_en);
		return -1;
	}
	*root = yload(ld->scratch, ld->c.d, rel, yaml, yaml_len, 1, &ok);
	return ok ? 0 : -1;
}

static int cmp_overlay(const void *a, const void *b)
{
	return strcmp(((const struct load_overlay *)a)->rel, ((const struct load_overlay *)b)->rel);
}

/* content/sample-submissions.yaml as loaded: the submissions and the
 * tracking lookups */
struct sample_list {
	struct sample_sub *s;
	size_t n;
	struct lookup_count *lk;
	size_t n_lk;
};

static void load_one(struct loader *ld, struct file_job *fj)
{
	size_t len;
	char *text;
	int ok;
	struct ynode *root;
	size_t cap = ends_with(fj->rel, ".md") ? MODEL_MAX_FILE_SIZE : MODEL_MAX_YAML_SIZE;
	const char *rel;
	const struct load_overlay key = { fj->rel, NULL, 0 }, *ov;

	if (fj->kind == FK_MEDIA || fj->kind == FK_IGNORED || fj->result)
		return;
	rel = arena_strdup(ld->c.a, fj->rel); /* records keep their path */
	ld->c.path = rel;
	ov = ld->n_ov ? bsearch(&key, ld->ov, ld->n_ov, sizeof(*ld->ov), cmp_overlay) : NULL;
	text = ov ? read_overlay(ld->scratch, ld->c.d, ov, cap, &len)
		: read_file(ld->scratch, ld->c.d, ld->root, rel, cap, &len);
	if (!text)
		return;
	crypto_generichash(fj->hash, sizeof fj->hash, (const unsigned char *)text, len, NULL, 0);
	fj->hashed = 1;
	switch (fj->kind) {
	case FK_SITE:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok) {
			struct site *s = arena_alloc(ld->c.a, sizeof(*s));
			load_site(ld, root, s);
			fj->result = s;
		}
		break;
	case FK_PEOPLE:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok) {
			struct person_list { struct person *p; size_t n; } *pl = arena_alloc(ld->c.a, sizeof(*pl));
			pl->p = load_people(ld, root, &pl->n);
			fj->result = pl;
		}
		break;
	case FK_PROJECT:
		fj->result = load_project(ld, rel, text, len);
		break;
	case FK_REPORT:
		fj->result = load_report(ld, rel, text, len);
		break;
	case FK_NEWS:
		fj->result = load_news(ld, rel, text, len);
		break;
	case FK_PAGE:
		fj->result = load_page(ld, rel, text, len);
		break;
	case FK_FORM:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_form(&ld->c, rel, root, ld->site);
		break;
	case FK_OIT:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_oit(ld, rel, root);
		break;
	case FK_PROCUREMENT:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_procurement(ld, rel, root);
		break;
	case FK_COMPLAINT:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_complaint(&ld->c, rel, root);
		break;
	case FK_HOLIDAYS:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_holidays(ld, rel, root);
		break;
	case FK_PARTICIPATION:
		fj->result = load_participation(ld, rel, text, len);
		break;
	case FK_SERVICE:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_service(ld, rel, root);
		break;
	case FK_GUIDELINE:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_guideline(ld, rel, root);
		break;
	case FK_QUESTION:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_question(ld, rel, root);
		break;
	case FK_SAMPLE_SUBS:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok) {
			struct sample_list *sl = arena_alloc(ld->c.a, sizeof(*sl));
			sl->s = load_sample_subs(&ld->c, rel, root, &sl->n);
			sl->lk = load_sample_lookups(&ld->c, rel, root, &sl->n_lk);
			fj->result = sl;
		}
		break;
	default:
		break;
	}
	arena_reset(ld->scratch);
}

struct load_pool {
	struct walk *w;
	const struct load_overlay *ov;
	size_t n_ov;
	struct model *m;
	struct diags *d;
	atomic_size_t next;
};

struct load_worker {
	struct load_pool *pool;
	struct arena *arena;
};

static void *load_thread(void *arg)
{
	struct load_worker *lw = arg;
	struct load_pool *pool = lw->pool;
	struct loader ld;
	struct arena scratch;
	size_t i;

	arena_init(&scratch);
	ld.scratch = &scratch;
	ld.c.a = lw->arena;
	ld.c.d = pool->d;
	ld.root = pool->m->root;
	ld.site = &pool->m->site;
	ld.ov = pool->ov;
	ld.n_ov = pool->n_ov;
	while ((i = atomic_fetch_add(&pool->next, 1)) < pool->w->n)
		if (pool->w->files[i].kind != FK_SITE) /* loaded first, once */
			load_one(&ld, &pool->w->files[i]);
	arena_free(&scratch);
	return NULL;
}

static int cmp_source(const void *a, const void *b)
{
	return strcmp(((const struct source_digest *)a)->rel, ((const struct source_digest *)b)->rel);
}

static int cmp_project(const void *a, const void *b)
{
	return strcmp((*(struct project *const *)a)->id, (*(struct project *const *)b)->id);
}

static int cmp_report(const void *a, const void *b)
{
	const struct report *x = *(struct report *const *)a, *y = *(struct report *const *)b;
	int c = strcmp(x->project_id, y->project_id);
	if (c)
		return c;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int cmp_news(const void *a, const void *b)
{
	const struct news *x = *(struct news *const *)a, *y = *(struct news *const *)b;
	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

int cmp_page(const void *a, const void *b)
{
	const struct page *x = *(struct page *const *)a, *y = *(struct page *const *)b;
	int mx = x->menu < 0 ? 1000 : x->menu, my = y->menu < 0 ? 1000 : y->menu;
	if (mx != my)
		return mx < my ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

static int cmp_resp(const void *a, const void *b)
{
	return strcmp((*(struct complaint_resp *const *)a)->code, (*(struct complaint_resp *const *)b)->code);
}

/* participation by fiscal year, date, slug */
static int cmp_participation(const void *a, const void *b)
{
	const struct participation *x = *(struct participation *const *)a, *y = *(struct participation *const *)b;

	if (x->fiscal_year != y->fiscal_year)
		return x->fiscal_year < y->fiscal_year ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

/* services by order (not given: after the numbered ones), then slug */
static int cmp_service(const void *a, const void *b)
{
	const struct service *x = *(struct service *const *)a, *y = *(struct service *const *)b;
	int ox = x->order ? x->order : 1000, oy = y->order ? y->order : 1000;

	if (ox != oy)
		return ox < oy ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

/* questions: the newest answer first, then slug */
static int cmp_question(const void *a, const void *b)
{
	const struct question *x = *(struct question *const *)a, *y = *(struct question *const *)b;

	if (x->answered != y->answered)
		return x->answered > y->answered ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

static int cmp_oit(const void *a, const void *b)
{
	const struct oit_year *x = *(struct oit_year *const *)a, *y = *(struct oit_year *const *)b;
	return x->year < y->year ? -1 : x->year > y->year;
}

static int cmp_pdate(const void *a, const void *b)
{
	pdate x = *(const pdate *)a, y = *(const pdate *)b;

	return x < y ? -1 : x > y;
}

static int cmp_proc(const void *a, const void *b)
{
	const struct proc_record *x = a, *y = b;
	int c;

	if (x->fiscal_year != y->fiscal_year)
		return x->fiscal_year < y->fiscal_year ? -1 : 1;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	if ((c = strcmp(x->path, y->path)) != 0)
		return c;
	return x->line < y->line ? -1 : x->line > y->line;
}

int load_content(struct model *m, const char *root, int jobs, struct diags *d)
{
	return load_content_overlay(m, root, NULL, 0, jobs, d);
}

int load_content_overlay(struct model *m, const char *root, const struct load_overlay *ov,
	size_t n_ov, int jobs, struct diags *d)
{
	struct walk w;
	char real_root[PATH_MAX];
	struct stat st;
	struct load_pool pool;
	struct load_worker workers[MODEL_MAX_JOBS];
	pthread_t tids[MODEL_MAX_JOBS];
	size_t i, np = 0, nr = 0, nn = 0, npg = 0, nf = 0, nm = 0, nproc = 0, nhol, nnone;
	int t, have_site = 0, site_unread = 0;

	m->root = arena_strdup(&m->arena, root);
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode) || !realpath(root, real_root)) {
		diag_error(d, file_loc(root), "ไม่พบโฟลเดอร์เนื้อหา", "content folder not found");
		return -1;
	}
	memset(&w, 0, sizeof(w));
	w.root = root;
	w.real_root = real_root;
	w.real_root_len = strlen(real_root);
	w.d = d;
	walk_dir(&w, "", 0);
	walk_add_overlay(&w, ov, n_ov);
	for (i = 0; i < w.n; i++)
		w.files[i].kind = classify(d, w.files[i].rel);

	/* site.yaml first: other files depend on it */
	for (i = 0; i < w.n; i++) {
		if (w.files[i].kind == FK_SITE) {
			struct arena scratch;
			struct loader ld = { { &m->arena, d, NULL }, &scratch, m->root, &m->site, ov, n_ov };
			arena_init(&scratch);
			load_one(&ld, &w.files[i]);
			arena_free(&scratch);
			if (w.files[i].result)
				m->site = *(struct site *)w.files[i].result;
			else
				site_unread = 1;
		}
	}
	if (jobs < 1)
		jobs = 1;
	if (jobs > MODEL_MAX_JOBS)
		jobs = MODEL_MAX_JOBS;
	if ((size_t)jobs > w.n / 256 + 1)
		jobs = (int)(w.n / 256 + 1);
	pool.w = &w;
	pool.ov = ov;
	pool.n_ov = n_ov;
	pool.m = m;
	pool.d = d;
	/* a site.yaml that could not be read (its errors are reported): every
	 * other file would only repeat that its groups and districts are
	 * unknown, so the rest waits until site.yaml is fixed */
	atomic_init(&pool.next, site_unread ? w.n : 0);
	for (t = 0; t < jobs; t++) {
		workers[t].pool = &pool;
		workers[t].arena = &m->worker[t];
	}
	for (t = 1; t < jobs; t++)
		if (pthread_create(&tids[t], NULL, load_thread, &workers[t]) != 0)
			break;
	load_thread(&workers[0]);
	while (--t > 0)
		pthread_join(tids[t], NULL);

	/* the digests of the files read, by path (the pages' inputs) */
	m->sources = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->sources));
	m->n_sources = 0;
	for (i = 0; i < w.n; i++)
		if (w.files[i].hashed) {
			struct source_digest *sd = &m->sources[m->n_sources++];
			sd->rel = arena_strdup(&m->arena, w.files[i].rel);
			memcpy(sd->hash, w.files[i].hash, sizeof sd->hash);
		}
	qsort(m->sources, m->n_sources, sizeof(*m->sources), cmp_source);
	/* assemble, in path order (deterministic) */
	m->projects = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->projects));
	m->reports = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->reports));
	m->news = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->news));
	m->pages = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->pages));
	m->forms = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->forms));
	m->media = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->media));
	m->oit = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->oit));
	m->responses = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->responses));
	m->participation = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->participation));
	m->services = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->services));
	m->questions = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->questions));
	for (i = 0; i < w.n; i++)
		if (w.files[i].kind == FK_PROCUREMENT && w.files[i].result)
			nproc += ((struct proc_file *)w.files[i].result)->n;
	m->procurement = arena_alloc(&m->arena, (nproc + 1) * sizeof(*m->procurement));
	nhol = 0;
	for (i = 0; i < w.n; i++)
		if (w.files[i].kind == FK_HOLIDAYS && w.files[i].result)
			nhol += ((struct holiday_file *)w.files[i].result)->n;
	nnone = 0;
	for (i = 0; i < w.n; i++)
		if (w.files[i].kind == FK_PROCUREMENT && w.files[i].result)
			nnone += ((struct proc_file *)w.files[i].result)->n_none;
	m->proc_none = arena_alloc(&m->arena, (nnone + 1) * sizeof(*m->proc_none));
	m->holidays = arena_alloc(&m->arena, (nhol + 1) * sizeof(*m->holidays));
	for (i = 0; i < w.n; i++) {
		struct file_job *fj = &w.files[i];
		switch (fj->kind) {
		case FK_SITE:
			have_site = 1;
			break;
		case FK_PEOPLE:
			if (fj->result) {
				struct person_list { struct person *p; size_t n; } *pl = fj->result;
				m->people = pl->p;
				m->n_people = pl->n;
			}
			break;
		case FK_PROJECT:
			if (fj->result)
				m->projects[np++] = fj->result;
			break;
		case FK_REPORT:
			if (fj->result)
				m->reports[nr++] = fj->result;
			break;
		case FK_NEWS:
			if (fj->result)
				m->news[nn++] = fj->result;
			break;
		case FK_PAGE:
			if (fj->result)
				m->pages[npg++] = fj->result;
			break;
		case FK_FORM:
			if (fj->result)
				m->forms[nf++] = *(struct form_def *)fj->result;
			break;
		case FK_MEDIA:
			m->media[nm++].path = arena_strdup(&m->arena, fj->rel);
			break;
		case FK_OIT:
			if (fj->result)
				m->oit[m->n_oit++] = fj->result;
			break;
		case FK_PROCUREMENT:
			if (fj->result) {
				struct proc_file *pf = fj->result;
				if (pf->n)
					memcpy(m->procurement + m->n_procurement, pf->recs, pf->n * sizeof(*pf->recs));
				m->n_procurement += pf->n;
				if (pf->n_none)
					memcpy(m->proc_none + m->n_proc_none, pf->none, pf->n_none * sizeof(*pf->none));
				m->n_proc_none += pf->n_none;
			}
			break;
		case FK_COMPLAINT:
			if (fj->result)
				m->responses[m->n_responses++] = fj->result;
			break;
		case FK_HOLIDAYS:
			if (fj->result) {
				struct holiday_file *hf = fj->result;
				if (hf->n)
					memcpy(m->holidays + m->n_holidays, hf->dates, hf->n * sizeof(*hf->dates));
				m->n_holidays += hf->n;
			}
			break;
		case FK_PARTICIPATION:
			if (fj->result)
				m->participation[m->n_participation++] = fj->result;
			break;
		case FK_SERVICE:
			if (fj->result)
				m->services[m->n_services++] = fj->result;
			break;
		case FK_GUIDELINE:
			m->guideline = fj->result;
			break;
		case FK_QUESTION:
			if (fj->result)
				m->questions[m->n_questions++] = fj->result;
			break;
		case FK_SAMPLE_SUBS:
			m->sample_subs_path = arena_strdup(&m->arena, fj->rel);
			if (fj->result) {
				struct sample_list *sl = fj->result;
				m->sample_subs = sl->s;
				m->n_sample_subs = sl->n;
				m->sample_lookups = sl->lk;
				m->n_sample_lookups = sl->n_lk;
			}
			break;
		default:
			break;
		}
	}
	m->n_projects = np;
	m->n_reports = nr;
	m->n_news = nn;
	m->n_pages = npg;
	m->n_forms = nf;
	m->n_media = nm;
	m->project_files = arena_alloc(&m->arena, (w.n + 1) * sizeof(char *));
	for (i = 0; i < w.n; i++) {
		if (w.files[i].kind != FK_PROJECT)
			continue;
		/* "projects/<fy>/<id>.md" -> "<fy>/<id>" */
		size_t len = strlen(w.files[i].rel);
		m->project_files[m->n_project_files++] =
			arena_strndup(&m->arena, w.files[i].rel + 9, len - 9 - 3);
	}
	qsort(m->projects, np, sizeof(*m->projects), cmp_project);
	qsort(m->reports, nr, sizeof(*m->reports), cmp_report);
	qsort(m->news, nn, sizeof(*m->news), cmp_news);
	qsort(m->pages, npg, sizeof(*m->pages), cmp_page);
	qsort(m->media, nm, sizeof(*m->media), cmp_str); /* byte order, for lookups */
	qsort(m->oit, m->n_oit, sizeof(*m->oit), cmp_oit);
	qsort(m->participation, m->n_participation, sizeof(*m->participation), cmp_participation);
	qsort(m->services, m->n_services, sizeof(*m->services), cmp_service);
	qsort(m->questions, m->n_questions, sizeof(*m->questions), cmp_question);
	qsort(m->responses, m->n_responses, sizeof(*m->responses), cmp_resp);
	qsort(m->holidays, m->n_holidays, sizeof(*m->holidays), cmp_pdate);
	qsort(m->procurement, m->n_procurement, sizeof(*m->procurement), cmp_proc);
	model_index(m);
	forms_fill_projects(m);
	if (!have_site)
		diag_error(d, file_loc("site.yaml"), "ไม่พบไฟล์ site.yaml (ข้อมูลหน่วยงาน)",
			"site.yaml (the office's settings) is missing");
	/* rel paths are referenced by the model: keep them in the arena */
	for (i = 0; i < w.n; i++)
		free(w.files[i].rel);
	free(w.files);
	return 0;
}

int load_responses(struct model *m, const char *root, struct diags *d)
{
	struct walk w;
	char real_root[PATH_MAX], dir[PATH_MAX];
	struct stat st;
	struct arena scratch;
	struct loader ld = { { &m->arena, d, NULL }, &scratch, NULL, &m->site };
	size_t i;
	int n;

	m->root = ld.root = arena_strdup(&m->arena, root);
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode) || !realpath(root, real_root)) {
		diag_error(d, file_loc(root), "ไม่พบโฟลเดอร์เนื้อหา", "content folder not found");
		return -1;
	}
	n = snprintf(dir, sizeof(dir), "%s/complaints", root);
	if (n < 0 || (size_t)n >= sizeof(dir) || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return 0; /* no responses yet */
	memset(&w, 0, sizeof(w));
	w.root = root;
	w.real_root = real_root;
	w.real_root_len = strlen(real_root);
	w.d = d;
	walk_dir(&w, "complaints", 1);
	m->responses = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->responses));
	arena_init(&scratch);
	for (i = 0; i < w.n; i++) {
		w.files[i].kind = classify(d, w.files[i].rel);
		if (w.files[i].kind != FK_COMPLAINT)
			continue;
		load_one(&ld, &w.files[i]);
		if (w.files[i].result)
			m->responses[m->n_responses++] = w.files[i].result;
	}
	arena_free(&scratch);
	qsort(m->responses, m->n_responses, sizeof(*m->responses), cmp_resp);
	for (i = 0; i < w.n; i++)
		free(w.files[i].rel);
	free(w.files);
	return 0;
}

struct report *load_report_text(struct model *m, const char *rel, const char *text, size_t len,
	struct diags *d)
{
	struct arena scratch;
	struct loader ld = { { &m->arena, d, NULL }, &scratch, m->root, &m->site };
	struct report *r;

	arena_init(&scratch);
	ld.c.path = rel;
	r = load_report(&ld, arena_strdup(&m->arena, rel), text, len);
	arena_free(&scratch);
	return r;
}

struct complaint_resp *load_complaint_text(struct model *m, const char *rel, const char *text, size_t len,
	struct diags *d)
{
	struct arena scratch;
	struct loader ld = { { &m->arena, d, NULL }, &scratch, m->root, &m->site };
	struct complaint_resp *r = NULL;
	struct ynode *root;
	const char *path = arena_strdup(&m->arena, rel);
	int ok;

	arena_init(&scratch);
	ld.c.path = path;
	root = yload(&scratch, d, path, text, len, 0, &ok);
	if (ok)
		r = load_complaint(&ld.c, path, root);
	arena_free(&scratch);
	return r;
}
