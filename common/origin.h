/* origin.h: which web origins may post a form (RFC 6454), the one rule every
 * CGI uses against cross-site posts and DNS rebinding.  An origin is
 * serialised as "scheme://host[:port]" (RFC 6454 §6.2: http or https, scheme
 * and host lower-case, the default port left out).  The allowed origins are
 * configuration (site.yaml base_url, `prongsai build --origin`), installed
 * into the database with the forms; they are never derived from the
 * request's own Host header, which a rebinding name controls. */
#ifndef PRONGSAI_ORIGIN_H
#define PRONGSAI_ORIGIN_H

#include <stddef.h>

#define ORIGIN_MAX 300      /* one serialised origin, with its NUL */
#define ORIGIN_LIST_MAX 8   /* origins in one allowed list */
#define ORIGIN_LIST_SIZE (ORIGIN_LIST_MAX * ORIGIN_MAX) /* a list's buffer */

/* Reduce an http(s) URL to its serialised origin (RFC 6454 §4, §6.2) into
 * out.  Returns 0, or -1 (out unspecified) if url is not an http(s) URL with
 * a host made of letters, digits, ".", "-" or an [IPv6] literal, has
 * userinfo ("name@"), a port outside 1..65535, or does not fit outlen. */
int origin_of_url(const char *url, char *out, size_t outlen);

/* Add url's origin to list, a NUL-terminated, space-separated list of
 * origins in a buffer of listlen bytes, unless it is there already.
 * Returns 0, or -1 with list unchanged if url has no origin (see
 * origin_of_url), the list already holds ORIGIN_LIST_MAX origins, or the
 * result does not fit. */
int origin_list_add(char *list, size_t listlen, const char *url);

/* 1 if origin (already serialised) is one of list's origins, else 0. */
int origin_list_has(const char *list, const char *origin);

enum origin_verdict {
	ORIGIN_ALLOWED, /* Origin (or, without it, Referer) is in the list */
	ORIGIN_NONE,    /* neither header: not a browser's form post */
	ORIGIN_FOREIGN  /* anything else: "null", several origins, garbage,
			 * or an origin not in the list (403) */
};

/* Where a POST came from, judged against the allowed list: the Origin
 * header when present (RFC 6454 §7: a single serialised origin; "null" is
 * foreign), else the origin of the Referer header (RFC 9110 §10.1.3), else
 * ORIGIN_NONE.  Either header may be NULL (absent); an empty header counts
 * as present and foreign.  An empty or NULL list allows nothing. */
enum origin_verdict origin_check(const char *list, const char *origin_hdr, const char *referer);

#endif
