/* deployconf.h: the configuration of `prongsai deploy` (docs/deploy.md).
 *
 * One YAML file on the server, outside the site's checkout and readable by
 * its owner only (the same refusals as notify's: jobs/secretfile.h), that
 * names one target and holds its credentials:
 *
 *   type: sftp | ftps | webdav | s3
 *   url:  sftp://host[:port]/path/   (/~/path/ = under the home directory)
 *         ftp://host[:port]/path/    (ftps, explicit TLS: AUTH TLS required)
 *         ftps://host[:port]/path/   (ftps, implicit TLS)
 *         https://host[:port]/path/  (webdav; s3: https://endpoint/bucket/prefix/)
 *         http:// only to the loopback (127.0.0.1, ::1, localhost)
 *   username, password               sftp (or private_key), ftps, webdav
 *   private_key, key_passphrase      sftp: a key file instead of a password
 *   host_key_sha256                  sftp, required: the server's host key
 *                                    fingerprint ("SHA256:..." of ssh-keygen -l)
 *   access_key_id, secret_access_key, region (default us-east-1)   s3
 *   ca_file                          a CA (PEM) to trust, for TLS
 *   cache_pages, cache_assets        Cache-Control values sent with pages
 *                                    (HTML, XML, JSON, text) and with the rest
 *                                    (webdav and s3; defaults "public,
 *                                    max-age=300" and "public, max-age=3600")
 *
 * Problems are reported into a diags collection as path:line:col; no
 * message quotes a secret.  Every string, the secrets too, lives in the
 * arena passed in: deployconf_wipe() zeroes and frees it.
 */
#ifndef PRONGSAI_DEPLOYCONF_H
#define PRONGSAI_DEPLOYCONF_H

#include "arena.h"
#include "model/diag.h"

#define DEPLOYCONF_MAX_FILE (16 * 1024)  /* bytes in the file */
#define DEPLOYCONF_MAX_URL 2048          /* bytes of the url */
#define DEPLOYCONF_MAX_SECRET 1024       /* bytes of a password or key */

enum deploy_type { DT_SFTP, DT_FTPS, DT_WEBDAV, DT_S3 };

struct deploy_conf {
	const char *path;            /* as given */
	enum deploy_type type;
	const char *url;             /* ends in "/" */
	const char *username, *password;
	const char *private_key, *key_passphrase, *host_key_sha256;
	const char *access_key_id, *secret_access_key, *region;
	const char *ca_file;
	const char *cache_pages, *cache_assets;
};

/* Load and check path into *out (strings in a).  Returns 0, or -1 with
 * every problem reported into d (*out is then unusable, but must still be
 * given to deployconf_wipe). */
int deployconf_load(const char *path, struct arena *a, struct diags *d, struct deploy_conf *out);

/* The type's name as written in the file ("sftp", ...). */
const char *deploy_type_name(enum deploy_type t);

/* Zero and free the arena of a loaded configuration, and clear *c. */
void deployconf_wipe(struct deploy_conf *c, struct arena *a);

#endif
