/* cgienv.h: the CGI request as the web server describes it in environment
 * variables (RFC 3875 §4.1), and strict readers for the ones the collector
 * trusts: CONTENT_LENGTH, CONTENT_TYPE, Accept, SCRIPT_NAME (Origin and
 * Referer are judged by common/origin.h).
 * Nothing here allocates; every output buffer has an explicit size. */
#ifndef PRONGSAI_CGIENV_H
#define PRONGSAI_CGIENV_H

#include <stddef.h>

struct cgi_env {
	const char *method;         /* REQUEST_METHOD */
	const char *path_info;      /* PATH_INFO */
	const char *script_name;    /* SCRIPT_NAME */
	const char *content_type;   /* CONTENT_TYPE */
	const char *content_length; /* CONTENT_LENGTH */
	const char *remote_addr;    /* REMOTE_ADDR */
	const char *origin;         /* HTTP_ORIGIN */
	const char *referer;        /* HTTP_REFERER */
	const char *accept;         /* HTTP_ACCEPT */
	const char *db_path;        /* PRONGSAI_DB */
	const char *transfer_encoding; /* HTTP_TRANSFER_ENCODING (a chunked body) */
	int allow_unsandboxed;      /* PRONGSAI_ALLOW_UNSANDBOXED is exactly "1" */
};

/* Fill e from getenv(); absent variables are NULL. */
void cgi_env_read(struct cgi_env *e);

enum cl_result { CL_OK, CL_MISSING, CL_INVALID, CL_TOO_BIG };

/* CONTENT_LENGTH (RFC 3875 §4.1.2: 1*digit).  CL_MISSING for NULL or "",
 * CL_INVALID for anything but ASCII digits (a sign, spaces, hex...),
 * CL_TOO_BIG when the value exceeds cap, however many digits it has (it is
 * never converted past cap, so no overflow).  *out is set only for CL_OK. */
enum cl_result cgi_content_length(const char *s, size_t cap, size_t *out);

enum ct_kind {
	CT_MISSING,    /* no CONTENT_TYPE: 415 */
	CT_URLENCODED, /* application/x-www-form-urlencoded */
	CT_MULTIPART,  /* multipart/form-data with a valid boundary */
	CT_OTHER,      /* any other media type, or a charset other than UTF-8: 415 */
	CT_BAD         /* multipart/form-data with a missing or invalid boundary,
			* or a malformed parameter list: 400 */
};

#define CGI_BOUNDARY_MAX 70 /* RFC 2046 §5.1.1 */

/* Classify CONTENT_TYPE (RFC 9110 §8.3.1: type/subtype *( OWS ";" OWS
 * parameter ), case-insensitive type and parameter names).  For
 * CT_MULTIPART the boundary (1..70 bchars, not ending in a space) is copied
 * into boundary, which must hold CGI_BOUNDARY_MAX + 1 bytes. */
enum ct_kind cgi_content_type(const char *s, char boundary[CGI_BOUNDARY_MAX + 1]);

/* Whether the client prefers application/json to text/html (RFC 9110
 * §12.5.1): the higher q-value wins, a tie goes to the one listed first,
 * absent types have q = 0; HTML when neither is listed (or accept is NULL). */
int cgi_wants_json(const char *accept);

/* The site root the thank-you redirect starts from, into out (ends in "/"):
 * thanks_base when set; else SCRIPT_NAME with the collector path removed
 * from its end ("/loei/cgi-bin/collect.cgi" minus "cgi-bin/collect.cgi" is
 * "/loei/").  Bytes outside RFC 3986 pchar are percent-encoded so the
 * result is safe in a Location header.  Returns 0, or -1 when SCRIPT_NAME
 * does not end in the collector path or the result does not fit. */
int cgi_site_root(const char *script_name, const char *collector_path,
		  const char *thanks_base, char *out, size_t outlen);

#endif
