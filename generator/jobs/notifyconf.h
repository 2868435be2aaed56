/* notifyconf.h: the configuration of `prongsai notify` (docs/notify.md).
 *
 * One YAML file on the server, outside content/ and outside the site's
 * checkout, readable by its owner only: it holds the SMTP passwords and
 * the bot tokens.  notifyconf_load() opens it, refuses it when it is not a
 * regular file, when its mode lets the group or others read or write it
 * (like ssh: "chmod 600"), when another user (but root) owns it, or when it
 * lies under a prongsai checkout (a directory with content/site.yaml, or a
 * content directory with site.yaml); reads at most NOTIFYCONF_MAX_FILE
 * bytes with the project's capped loader (yload: depth, node and scalar
 * caps, no aliases), and checks every field.  Problems are reported into a
 * diags collection as path:line:col (one language per collection, as
 * diag.h does).  Messages never quote a secret value or a URL (a webhook
 * URL can itself be a secret).
 *
 * Every string of a loaded configuration, the secrets too, lives in the
 * arena passed in; notifyconf_wipe() zeroes and frees it.  Best effort:
 * libyaml's and libcurl's own buffers are freed without being zeroed.
 */
#ifndef PRONGSAI_NOTIFYCONF_H
#define PRONGSAI_NOTIFYCONF_H

#include <stddef.h>
#include "arena.h"
#include "model/diag.h"

#define NOTIFYCONF_MAX_FILE (64 * 1024) /* bytes in the file */
#define NOTIFYCONF_MAX_CHANNELS 32
#define NOTIFYCONF_MAX_RCPTS 50        /* `to` addresses of one mail channel */
#define NOTIFYCONF_MAX_HEADERS 20      /* `headers` of one webhook */
#define NOTIFYCONF_MAX_FORMS 50        /* `forms` of one channel */
#define NOTIFYCONF_MAX_URL 2048        /* bytes of a URL */
#define NOTIFYCONF_MAX_SECRET 1024     /* bytes of a password, token or header value */
#define NOTIFYCONF_MAX_NAME 40         /* channel names: [a-z0-9][a-z0-9-]* */

enum notify_type { NT_SMTP, NT_LINE, NT_TELEGRAM, NT_WEBHOOK };
enum notify_starttls { STARTTLS_REQUIRED, STARTTLS_TRY, STARTTLS_NO };

struct notify_retry {
	long base_seconds;  /* first delay after a failure (default 60) */
	long max_seconds;   /* longest delay (default 21600 = 6 h) */
	long max_attempts;  /* attempts before giving up (default 10) */
};

struct notify_header {
	const char *name;   /* an HTTP token */
	const char *value;  /* printable, no CR/LF (may be a secret) */
};

struct notify_channel {
	const char *name;          /* unique, [a-z0-9][a-z0-9-]{0,39} */
	enum notify_type type;
	/* what it covers: forms[0..n_forms) by id, or (n_forms == 0) every
	 * submission of kind complaint */
	const char *const *forms;
	size_t n_forms;
	int corruption_details;    /* send category and district of corruption
				    * reports too (default 0: left out) */
	struct notify_retry retry; /* the file's retry, or the channel's own */
	long max_per_run;          /* deliveries per run (default 100) */
	/* NT_SMTP: smtp://host[:port] or smtps://..; NT_WEBHOOK: https URL */
	const char *url;
	enum notify_starttls starttls; /* smtp:// only (default required) */
	const char *username, *password; /* NT_SMTP: both or neither */
	const char *from;          /* NT_SMTP: envelope and From: address */
	const char *const *to;     /* NT_SMTP: n_to >= 1 */
	size_t n_to;
	const char *ca_file;       /* a CA to trust (PEM), or NULL */
	/* NT_LINE, NT_TELEGRAM */
	const char *token;
	const char *api_base;      /* without a trailing slash */
	const char *line_to;       /* LINE: user, group or room id */
	const char *chat_id;       /* Telegram */
	/* NT_WEBHOOK */
	const struct notify_header *headers;
	size_t n_headers;
};

struct notify_conf {
	const char *path;          /* as given */
	const char *site_url;      /* ends in "/"; NULL = no links */
	long max_age_hours;        /* default 72 */
	struct notify_retry retry;
	const struct notify_channel *channels;
	size_t n_channels;         /* >= 1 */
};

/* Load and check path into *out (strings in a).  Returns 0, or -1 with
 * every problem found reported into d (the file is refused as a whole:
 * *out is then unusable, but must still be given to notifyconf_wipe).  A
 * refusal of the file itself (permissions, place, size, cannot open) is
 * reported at path without a line. */
int notifyconf_load(const char *path, struct arena *a, struct diags *d,
		    struct notify_conf *out);

/* The channel type's name as written in the file ("smtp", "line", ...). */
const char *notify_type_name(enum notify_type t);

/* 1 if host (as in a URL, brackets allowed around IPv6) is the loopback:
 * localhost, 127.0.0.0/8 or ::1.  Plain http:// and unencrypted SMTP with a
 * password are allowed only there. */
int notifyconf_is_loopback(const char *host, size_t len);

/* Zero and free the arena of a loaded configuration, and clear *c. */
void notifyconf_wipe(struct notify_conf *c, struct arena *a);

#endif
