/* transport.h: one deploy target over libcurl: fetch a file, send a file,
 * delete a file, for the four kinds of target of deployconf.h.
 *
 *   sftp    libcurl's SFTP (libssh2); the host key is checked against
 *           host_key_sha256.  A file is sent under a temporary name in its
 *           directory (.NAME.prongsai-tmp), then the old one is removed and
 *           the new one renamed in its place (OpenSSH's rename does not
 *           replace), so a transfer cut short never leaves half a file.
 *           Missing directories are created.
 *   ftps    FTP with TLS required (AUTH TLS, or ftps:// implicit); sent
 *           under a temporary name, then RNFR/RNTO (which replaces).
 *           For both, the size the target holds is checked before the
 *           rename; a short file or a cut connection is sent once more.
 *   webdav  HTTP PUT (the server writes atomically), MKCOL for a missing
 *           directory (on 409), DELETE; basic authentication.
 *   s3      PUT/GET/DELETE on the object URL (path style), signed with
 *           libcurl's AWS SigV4, with Content-Type and Cache-Control.
 *
 * One connection is opened on the first call and reused by the next ones.
 * Credentials go to libcurl as options, never into a URL, and are never
 * printed; libcurl's verbose output stays off.  After a failure,
 * t->fail says what kind it was and t->detail has libcurl's message or the
 * HTTP status (no secrets in either).
 */
#ifndef PRONGSAI_DEPLOY_TRANSPORT_H
#define PRONGSAI_DEPLOY_TRANSPORT_H

#include <stddef.h>
#include <curl/curl.h>
#include "buf.h"
#include "deploy/deployconf.h"
#include "deploy/remote_manifest.h"

enum tr_fail {
	TR_OK = 0,
	TR_NOT_FOUND,   /* get: no such file on the target */
	TR_LOGIN,       /* wrong user name, password or key */
	TR_FULL,        /* the target's disk or quota is full */
	TR_HOSTKEY,     /* sftp: the host key is not the one configured */
	TR_TLS,         /* the certificate is not trusted or TLS failed */
	TR_CONNECT,     /* cannot connect, or timed out */
	TR_OTHER
};

struct transport {
	const struct deploy_conf *c;
	CURL *h;
	enum tr_fail fail;
	char errbuf[CURL_ERROR_SIZE];
	char detail[CURL_ERROR_SIZE + 64];
	char *base_path;   /* sftp/ftps: the url's directory, absolute, ends in '/' (malloc) */
	long long sent;    /* bytes sent so far */
	struct curl_slist *s3_hdr; /* s3: the headers of a GET or DELETE */
};

/* Prepare t for c (no connection yet).  Returns 0, or -1 (out of memory). */
int transport_open(struct transport *t, const struct deploy_conf *c);
void transport_close(struct transport *t);

/* The file rel (a manifest path, or REMOTE_MANIFEST_NAME) into out (emptied
 * first; out's cap bounds it).  Returns 0, or -1 with t->fail (TR_NOT_FOUND
 * when the target has no such file). */
int transport_get(struct transport *t, const char *rel, struct buf *out);

/* Send local file local_path (size bytes) as rel.  Returns 0 or -1. */
int transport_put_file(struct transport *t, const char *rel, const char *local_path, long long size);

/* Send len bytes of data as rel.  Returns 0 or -1. */
int transport_put_mem(struct transport *t, const char *rel, const char *data, size_t len);

/* Delete rel; a file that is not there counts as deleted.  Returns 0 or -1. */
int transport_delete(struct transport *t, const char *rel);

/* A short English and Thai explanation of a failure kind. */
const char *transport_fail_th(enum tr_fail f);
const char *transport_fail_en(enum tr_fail f);

#endif
