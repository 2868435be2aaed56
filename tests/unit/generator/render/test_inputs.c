/* test_inputs.c: the digest of a theme's templates folder (inputs.h): the
 * same files give the same digest, a changed byte, a renamed or an added
 * file another; the caps (files: INPUTS_DIR_MAX_FILES and one more; a file
 * of INPUTS_DIR_MAX_BYTES and one byte more); a missing folder is an error. */
#include <sodium.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "render/inputs.h"

static char tmp[] = "/tmp/prongsai-inputs-XXXXXX";

static void put(const char *name, const char *text, size_t len)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof path, "%s/%s", tmp, name);
	f = fopen(path, "w");
	fwrite(text, 1, len, f);
	fclose(f);
}

static int digest(unsigned char out[INPUTS_FP_BYTES])
{
	char err[512];

	return inputs_dir_digest(tmp, out, err, sizeof err);
}

int main(void)
{
	unsigned char a[INPUTS_FP_BYTES], b[INPUTS_FP_BYTES];
	char name[64], path[4096], err[512], *big;
	int i;

	if (sodium_init() < 0 || !mkdtemp(tmp))
		return 1;
	put("base.html", "<html>{{title}}</html>", 22);
	put("project.html", "{{> base}}", 10);
	CHECK_INT(digest(a), 0);
	CHECK_INT(digest(b), 0);
	CHECK(memcmp(a, b, sizeof a) == 0);
	put("project.html", "{{> basE}}", 10);
	CHECK_INT(digest(b), 0);
	CHECK(memcmp(a, b, sizeof a) != 0);
	put("project.html", "{{> base}}", 10);
	CHECK_INT(digest(b), 0);
	CHECK(memcmp(a, b, sizeof a) == 0);
	/* the names count too: the same bytes under another name */
	snprintf(path, sizeof path, "%s/project.html", tmp);
	snprintf(name, sizeof name, "%s/projects.html", tmp);
	CHECK_INT(rename(path, name), 0);
	CHECK_INT(digest(b), 0);
	CHECK(memcmp(a, b, sizeof a) != 0);
	CHECK_INT(rename(name, path), 0);
	put("foot.html", "", 0);
	CHECK_INT(digest(b), 0);
	CHECK(memcmp(a, b, sizeof a) != 0);

	/* a file of INPUTS_DIR_MAX_BYTES, and one byte more */
	big = calloc(1, (size_t)INPUTS_DIR_MAX_BYTES + 1);
	put("big.html", big, INPUTS_DIR_MAX_BYTES);
	CHECK_INT(digest(b), 0);
	put("big.html", big, (size_t)INPUTS_DIR_MAX_BYTES + 1);
	CHECK_INT(digest(b), -1);
	free(big);
	snprintf(path, sizeof path, "%s/big.html", tmp);
	unlink(path);

	/* INPUTS_DIR_MAX_FILES files (3 so far), and one more */
	for (i = 3; i < INPUTS_DIR_MAX_FILES; i++) {
		snprintf(name, sizeof name, "f%04d.html", i);
		put(name, "x", 1);
	}
	CHECK_INT(digest(b), 0);
	put("one-more.html", "x", 1);
	CHECK_INT(digest(b), -1);

	/* no such folder */
	CHECK_INT(inputs_dir_digest("/nonexistent/templates", b, err, sizeof err), -1);
	CHECK(strstr(err, "/nonexistent/templates") != NULL);

	/* clean up */
	for (i = 3; i < INPUTS_DIR_MAX_FILES; i++) {
		snprintf(path, sizeof path, "%s/f%04d.html", tmp, i);
		unlink(path);
	}
	for (i = 0; i < 4; i++) {
		const char *n[] = { "base.html", "project.html", "foot.html", "one-more.html" };
		snprintf(path, sizeof path, "%s/%s", tmp, n[i]);
		unlink(path);
	}
	rmdir(tmp);
	return CHECK_RESULT();
}
