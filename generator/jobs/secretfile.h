/* secretfile.h: reading a configuration file that holds secrets
 * (`prongsai notify`'s notify.yaml, `prongsai deploy`'s deploy.yaml).
 *
 * The file lives on the server outside the site's checkout, readable by
 * its owner only.  secretfile_read() refuses it when it is not a regular
 * file, when its mode lets the group or others read or write it (like ssh:
 * "chmod 600"), when another user (but root) owns it, when it lies under a
 * prongsai checkout (a directory with content/site.yaml, or a content
 * directory with site.yaml), or when it is larger than max bytes.  Every
 * refusal is reported into d at the path without a line, in the
 * collection's language; no message quotes the file's content.
 */
#ifndef PRONGSAI_SECRETFILE_H
#define PRONGSAI_SECRETFILE_H

#include <stddef.h>
#include "model/diag.h"

/* Read path after the checks above into a malloc'd buffer of max + 1
 * bytes, NUL-terminated, its length into *len.  cmd names the command in
 * the ownership message ("notify"); example is a suggested place for the
 * file ("/etc/prongsai/notify.yaml").  Returns NULL after reporting into
 * d; nothing of a partly read file is kept. */
char *secretfile_read(const char *path, size_t max, const char *cmd, const char *example,
		      struct diags *d, size_t *len);

/* Zero and free a buffer from secretfile_read(path, max, ...) (NULL: no-op). */
void secretfile_free(char *text, size_t max);

/* secretfile_read(), then the YAML (yload_secret: no value is quoted in a
 * message), which must be a mapping: "a mapping (key: value) " followed by
 * need_th / need_en ("with channels") is reported otherwise.  The text is
 * wiped before returning.  Returns the mapping (memory from a), or NULL
 * after reporting into d. */
struct arena;
struct ynode;
const struct ynode *secretfile_load_map(const char *path, size_t max, const char *cmd,
	const char *example, const char *need_th, const char *need_en, struct arena *a, struct diags *d);

/* 1 when s is printable ASCII without a space (tokens, ids, addresses,
 * URLs), else 0. */
int secretfile_printable(const char *s);

/* The secret at key (yget_str under max bytes, the value never quoted in a
 * message), which must be secretfile_printable() and not empty (it goes
 * into a header, a URL or an AUTH command).  NULL when absent, or after a
 * report into c->d. */
struct yctx;
const char *secretfile_get_secret(struct yctx *c, const struct ynode *map, const char *key,
	int required, size_t max);

/* Print a configuration's errors on stderr, each in Thai with the English
 * in brackets ("path:line:col: error: TH (EN)": th and en are the same
 * checks run in each language), then "prongsai CMD: N errors". */
void secretfile_print_errors(const char *cmd, const struct diags *th, const struct diags *en);

#endif
