/* fuzz_content.c: libFuzzer harness for the content loader: YAML text to the
 * model (generator/yload.c, load*.c) and the cross-file checks
 * (check_model: validate.c and the site-wide checks), then the derived figures (derive.c) when nothing is wrong.
 *
 * At start-up the mini fixture (tests/fixtures/mini, path compiled in as
 * FUZZ_FIXTURE or taken from $FUZZ_FIXTURE) is copied to a scratch folder
 * (under /dev/shm when there is one).  Input: byte 0 picks one file of that
 * folder -- an existing one, replaced, or a new one, added -- and the rest
 * is its content; load_content() + check_model() then read the whole
 * folder, as `prongsai check` does, and the file is put back.  Selector
 * 255 instead gives the rest to yload() alone (fast, no files).
 * Seeds: tests/fuzz/corpus/content/, dictionary tests/fuzz/content.dict. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "model/dates.h"
#include "derive/derive.h"
#include "model/diag.h"
#include "load/load.h"
#include "model/model.h"
#include "check/check.h"
#include "load/yload.h"

#ifndef FUZZ_FIXTURE
#define FUZZ_FIXTURE "tests/fixtures/mini"
#endif

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Files the input may replace (existing in the fixture) or add (new). */
static const char *const targets[] = {
	"site.yaml",
	"people.yaml",
	"projects/2569/2569-001.md",
	"progress/2569/2569-001/2025-12-20.yaml",
	"news/2026-01-05-meeting.md",
	"pages/about.md",
	"oit/2569.yaml",
	"procurement/2569/records.yaml",
	"projects/2569/2569-009.md",             /* new */
	"progress/2569/2569-002/2026-02-01.yaml", /* new */
	"news/2026-02-02-fuzz.md",                /* new */
	"pages/fuzz.md",                          /* new */
	"participation/2569/fuzz.md",             /* new */
	"services/fuzz.yaml",                     /* new */
	"corruption-guideline.yaml",              /* new */
};
#define N_TARGETS (sizeof targets / sizeof targets[0])

static char root[256];
static char *orig[N_TARGETS];
static size_t orig_len[N_TARGETS];

static void cleanup(void)
{
	char cmd[300];
	if (root[0]) {
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
		if (system(cmd) != 0)
			fprintf(stderr, "fuzz_content: could not remove %s\n", root);
	}
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = malloc((size_t)n + 1);
	if (!s || fread(s, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(s);
		return NULL;
	}
	fclose(f);
	*len = (size_t)n;
	return s;
}

static int spit(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f)
		return -1;
	if (len && fwrite(data, 1, len, f) != len) {
		fclose(f);
		return -1;
	}
	return fclose(f);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *fixture = getenv("FUZZ_FIXTURE");
	char cmd[1024], path[512];
	size_t i;

	(void)argc;
	(void)argv;
	if (!fixture)
		fixture = FUZZ_FIXTURE;
	snprintf(root, sizeof root, "%s/prongsai-fuzz-content-XXXXXX",
		access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp");
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		exit(1);
	}
	atexit(cleanup);
	snprintf(cmd, sizeof cmd, "cp -r '%s'/. '%s'/", fixture, root);
	if (system(cmd) != 0) {
		fprintf(stderr, "fuzz_content: cannot copy the fixture %s\n", fixture);
		exit(1);
	}
	for (i = 0; i < N_TARGETS; i++) {
		char *slash;
		snprintf(path, sizeof path, "%s/%s", root, targets[i]);
		/* a new file's folders (participation/2569/, services/) */
		for (slash = strchr(path + strlen(root) + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
			*slash = '\0';
			(void)mkdir(path, 0700);
			*slash = '/';
		}
		orig[i] = slurp(path, &orig_len[i]); /* NULL: a new file */
	}
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags d;
	struct model m;
	struct derived dv;
	char path[512];
	size_t t;

	if (size < 1 || size > 256 * 1024)
		return 0;
	if (data[0] == 255) {
		struct arena a;
		int ok;
		diags_init(&d, LANG_EN);
		arena_init(&a);
		(void)yload(&a, &d, "fuzz.yaml", (const char *)data + 1, size - 1, 0, &ok);
		arena_free(&a);
		diags_free(&d);
		return 0;
	}
	t = data[0] % N_TARGETS;
	snprintf(path, sizeof path, "%s/%s", root, targets[t]);
	if (spit(path, data + 1, size - 1) != 0)
		abort();
	diags_init(&d, LANG_EN);
	model_init(&m);
	m.today = date_from_ymd(2026, 4, 15);
	load_content(&m, root, 1, &d);
	check_model(&m, &d);
	if (!d.errors)
		derive_all(&m, &dv);
	model_free(&m);
	diags_free(&d);
	if (orig[t] ? spit(path, orig[t], orig_len[t]) != 0 : unlink(path) != 0)
		abort();
	return 0;
}
