/* test_assets.c: the theme's files with fingerprinted names (assets.h):
 * which types get a fingerprint and what it is (BLAKE2b of the content),
 * a stylesheet's url() of a font rewritten (and others left alone) before
 * it is hashed, the template keys, files at ASSET_DEPTH folders deep read
 * and one deeper an error, and both names written. */
#include <sodium.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "publish/assets.h"

static char tmp[] = "/tmp/prongsai-assets-XXXXXX";

static void put(const char *rel, const char *text)
{
	char path[4096], dir[4096], *slash;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmp, rel);
	snprintf(dir, sizeof(dir), "%s", path);
	for (slash = dir + strlen(tmp) + 1; (slash = strchr(slash, '/')) != NULL; slash++) {
		*slash = '\0';
		mkdir(dir, 0700);
		*slash = '/';
	}
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

static const struct asset *get(const struct assets *as, const char *rel)
{
	size_t i;

	for (i = 0; i < as->n; i++)
		if (strcmp(as->v[i].rel, rel) == 0)
			return &as->v[i];
	return NULL;
}

/* the fingerprint of text: 16 hex digits of its BLAKE2b-128 */
static const char *fp_of(const char *text, size_t len, char hex[33])
{
	unsigned char h[16];

	crypto_generichash(h, sizeof(h), (const unsigned char *)text, len, NULL, 0);
	sodium_bin2hex(hex, 33, h, sizeof(h));
	hex[16] = '\0';
	return hex;
}

int main(void)
{
	struct assets as;
	struct arena a;
	char err[512], hex[33], want[256];
	const struct asset *css, *font, *lic, *x;

	if (sodium_init() < 0 || !mkdtemp(tmp))
		return 1;
	arena_init(&a);
	put("fonts/s-1.woff2", "FONT");
	put("fonts/OFL.txt", "licence");
	put("css/site.css", "@font-face{src:url(\"../fonts/s-1.woff2\")}a{background:url('data:x')}"
			    "b{background:url(../fonts/none.woff2)}");
	put("js/a.js", "1;");
	put("a/b/c/d/e/f/g/h/at.js", "at the cap");   /* 8 folders deep */

	CHECK_INT(assets_load(&as, tmp, &a, err, sizeof(err)), 0);
	CHECK_INT(as.n, 5);
	font = get(&as, "fonts/s-1.woff2");
	CHECK(font != NULL);
	if (font) {
		snprintf(want, sizeof(want), "fonts/s-1.%s.woff2", fp_of("FONT", 4, hex));
		CHECK_STR(font->fp, want);
		CHECK_STR(font->key, "s_1_woff2");
	}
	lic = get(&as, "fonts/OFL.txt");
	CHECK(lic != NULL && lic->fp == NULL);
	css = get(&as, "css/site.css");
	CHECK(css != NULL);
	if (css && font) {
		char body[512];

		snprintf(body, sizeof(body), "@font-face{src:url(\"../fonts/%s\")}a{background:url('data:x')}"
			 "b{background:url(../fonts/none.woff2)}", strrchr(font->fp, '/') + 1);
		CHECK_INT(css->len, strlen(body));
		CHECK(css->len == strlen(body) && memcmp(css->data, body, css->len) == 0);
		snprintf(want, sizeof(want), "css/site.%s.css", fp_of(body, strlen(body), hex));
		CHECK_STR(css->fp, want);
		CHECK_STR(css->key, "site_css");
	}
	x = get(&as, "a/b/c/d/e/f/g/h/at.js");
	CHECK(x != NULL && x->fp != NULL);

	/* one folder deeper than the cap: an error that says so, not a skip */
	put("a/b/c/d/e/f/g/h/i/over.js", "one over"); /* 9 */
	CHECK_INT(assets_load(&as, tmp, &a, err, sizeof(err)), -1);
	CHECK(strstr(err, "deeper than") != NULL);

	/* a missing folder: no assets, no error */
	CHECK_INT(assets_load(&as, "/nonexistent/prongsai", &a, err, sizeof(err)), 0);
	CHECK_INT(as.n, 0);

	arena_free(&a);
	{
		char cmd[4200];
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp);
		if (system(cmd) != 0)
			return 1;
	}
	return CHECK_RESULT();
}
