/* deliver.h: one delivery of a notice through libcurl (docs/notify.md).
 *
 * Every transfer: only the protocols of its kind (smtp,smtps or
 * http,https), no redirects, TLS peer and host verification on (ca_file
 * adds a CA), connect timeout 10 s, whole transfer 30 s, CURLOPT_NOSIGNAL,
 * the answer's body read and dropped (at most DELIVER_MAX_ANSWER).  The
 * proxy variables of the environment (https_proxy, no_proxy, ...) apply,
 * as for the curl tool: some offices reach the Internet only through one.  The caller has called curl_global_init() once.
 *
 * A result's error text is short and never holds the URL, a header, the
 * password or the token: curl's message is used only when none of the
 * channel's secrets, nor its URL, appears in it (else curl's generic
 * message for the error code), control characters become spaces.
 * Header strings with secrets are wiped from the memory this module owns
 * before it is freed (libcurl's internal copies are not: best effort).
 */
#ifndef PRONGSAI_DELIVER_H
#define PRONGSAI_DELIVER_H

#include <stddef.h>
#include "jobs/notifyconf.h"

#define DELIVER_CONNECT_TIMEOUT 10 /* seconds */
#define DELIVER_TIMEOUT 30         /* seconds, whole transfer */
#define DELIVER_MAX_ANSWER (1 << 20)

struct deliver_result {
	int ok;           /* accepted by the server */
	int already;      /* ok because the server had accepted it before (LINE 409) */
	int suspect_conf; /* refused in a way that points at the configuration
			   * (HTTP 4xx but 408/429, SMTP 5xx, login denied, TLS
			   * verification): still retried, but logged loudly */
	long status;      /* HTTP status or last SMTP reply code; 0 = none */
	char error[200];  /* "" when ok */
};

/* Send message[0..len) (an RFC 5322 message with CRLF line ends) by SMTP
 * or SMTPS to ch->to from ch->from, with STARTTLS as ch->starttls says and
 * AUTH when ch->username is set.  Fills *r; returns r->ok ? 0 : -1. */
int deliver_smtp(const struct notify_channel *ch, const char *message, size_t len,
		 struct deliver_result *r);

/* POST body[0..len) as application/json to url with the extra request
 * header lines headers[0..n) ("Name: value"), for a channel of type
 * webhook, line or telegram.  2xx is success; so is 409 when accept_409
 * (LINE's answer to a retry key it has already accepted).  Fills *r;
 * returns r->ok ? 0 : -1. */
int deliver_http(const struct notify_channel *ch, const char *url, const char *const *headers,
		 size_t n_headers, const char *body, size_t len, int accept_409,
		 struct deliver_result *r);

#endif
