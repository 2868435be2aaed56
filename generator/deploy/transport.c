/* transport.c: see transport.h. */
#define _DEFAULT_SOURCE
#include "deploy/transport.h"
#include "deploy/mediatype.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TMP_SUFFIX ".prongsai-tmp"

const char *transport_fail_th(enum tr_fail f)
{
	switch (f) {
	case TR_OK: return "สำเร็จ";
	case TR_NOT_FOUND: return "ไม่พบแฟ้มบนเครื่องปลายทาง";
	case TR_LOGIN: return "เข้าสู่ระบบไม่ได้: ชื่อผู้ใช้ รหัสผ่าน หรือกุญแจไม่ถูกต้อง";
	case TR_FULL: return "พื้นที่บนเครื่องปลายทางเต็ม";
	case TR_HOSTKEY: return "กุญแจของเครื่องปลายทางไม่ตรงกับ host_key_sha256";
	case TR_TLS: return "ตรวจใบรับรอง TLS ไม่ผ่าน";
	case TR_CONNECT: return "เชื่อมต่อเครื่องปลายทางไม่ได้";
	case TR_OTHER: return "ส่งไม่สำเร็จ";
	}
	return "?";
}

const char *transport_fail_en(enum tr_fail f)
{
	switch (f) {
	case TR_OK: return "ok";
	case TR_NOT_FOUND: return "no such file on the target";
	case TR_LOGIN: return "login denied: wrong user name, password or key";
	case TR_FULL: return "the target's disk is full";
	case TR_HOSTKEY: return "the target's host key does not match host_key_sha256";
	case TR_TLS: return "the TLS certificate could not be verified";
	case TR_CONNECT: return "cannot connect to the target";
	case TR_OTHER: return "the transfer failed";
	}
	return "?";
}

int transport_open(struct transport *t, const struct deploy_conf *c)
{
	memset(t, 0, sizeof *t);
	t->c = c;
	t->h = curl_easy_init();
	/* libcurl 7.88 signs the payload hash given in this header */
	if (c->type == DT_S3)
		t->s3_hdr = curl_slist_append(NULL, "x-amz-content-sha256: UNSIGNED-PAYLOAD");
	return t->h && (c->type != DT_S3 || t->s3_hdr) ? 0 : -1;
}

void transport_close(struct transport *t)
{
	if (t->h)
		curl_easy_cleanup(t->h);
	curl_slist_free_all(t->s3_hdr);
	free(t->base_path);
	memset(t, 0, sizeof *t);
}

static int is_http(const struct transport *t)
{
	return t->c->type == DT_WEBDAV || t->c->type == DT_S3;
}

/* The url of rel: the base url and rel with each segment %-encoded.  NULL
 * when out of memory. */
static char *url_of(struct transport *t, const char *rel)
{
	struct buf b;
	const char *p = rel;

	buf_init(&b, DEPLOYCONF_MAX_URL + 4 * REMOTE_MANIFEST_MAX_PATH);
	buf_adds(&b, t->c->url);
	while (*p) {
		size_t n = strcspn(p, "/");
		char *e = curl_easy_escape(t->h, p, (int)n);
		if (!e) {
			buf_free(&b);
			return NULL;
		}
		buf_adds(&b, e);
		curl_free(e);
		p += n;
		if (*p == '/') {
			buf_addc(&b, '/');
			p++;
		}
	}
	if (b.err) {
		buf_free(&b);
		return NULL;
	}
	return buf_detach(&b, NULL);
}

/* Set the options every request has. */
static void common_opts(struct transport *t, const char *url)
{
	const struct deploy_conf *c = t->c;

	curl_easy_reset(t->h);
	t->errbuf[0] = '\0';
	curl_easy_setopt(t->h, CURLOPT_URL, url);
	curl_easy_setopt(t->h, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(t->h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(t->h, CURLOPT_CONNECTTIMEOUT, 30L);
	curl_easy_setopt(t->h, CURLOPT_LOW_SPEED_LIMIT, 1L);
	curl_easy_setopt(t->h, CURLOPT_LOW_SPEED_TIME, 60L);
	curl_easy_setopt(t->h, CURLOPT_FOLLOWLOCATION, 0L);
	if (c->ca_file)
		curl_easy_setopt(t->h, CURLOPT_CAINFO, c->ca_file);
	switch (c->type) {
	case DT_SFTP:
		curl_easy_setopt(t->h, CURLOPT_PROTOCOLS_STR, "sftp");
		curl_easy_setopt(t->h, CURLOPT_USERNAME, c->username);
		curl_easy_setopt(t->h, CURLOPT_SSH_HOST_PUBLIC_KEY_SHA256, c->host_key_sha256);
		if (c->private_key) {
			curl_easy_setopt(t->h, CURLOPT_SSH_AUTH_TYPES, (long)CURLSSH_AUTH_PUBLICKEY);
			curl_easy_setopt(t->h, CURLOPT_SSH_PRIVATE_KEYFILE, c->private_key);
			if (c->key_passphrase)
				curl_easy_setopt(t->h, CURLOPT_KEYPASSWD, c->key_passphrase);
		} else {
			curl_easy_setopt(t->h, CURLOPT_SSH_AUTH_TYPES, (long)CURLSSH_AUTH_PASSWORD);
			curl_easy_setopt(t->h, CURLOPT_PASSWORD, c->password);
		}
		curl_easy_setopt(t->h, CURLOPT_FTP_CREATE_MISSING_DIRS, (long)CURLFTP_CREATE_DIR_RETRY);
		break;
	case DT_FTPS:
		curl_easy_setopt(t->h, CURLOPT_PROTOCOLS_STR, "ftp,ftps");
		curl_easy_setopt(t->h, CURLOPT_USE_SSL, (long)CURLUSESSL_ALL);
		curl_easy_setopt(t->h, CURLOPT_USERNAME, c->username);
		curl_easy_setopt(t->h, CURLOPT_PASSWORD, c->password);
		curl_easy_setopt(t->h, CURLOPT_FTP_CREATE_MISSING_DIRS, (long)CURLFTP_CREATE_DIR_RETRY);
		break;
	case DT_WEBDAV:
		curl_easy_setopt(t->h, CURLOPT_PROTOCOLS_STR, "http,https");
		curl_easy_setopt(t->h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(t->h, CURLOPT_USERNAME, c->username);
		curl_easy_setopt(t->h, CURLOPT_PASSWORD, c->password);
		break;
	case DT_S3: {
		char sig[128];
		snprintf(sig, sizeof sig, "aws:amz:%s:s3", c->region);
		curl_easy_setopt(t->h, CURLOPT_PROTOCOLS_STR, "http,https");
		curl_easy_setopt(t->h, CURLOPT_AWS_SIGV4, sig);
		curl_easy_setopt(t->h, CURLOPT_USERNAME, c->access_key_id);
		curl_easy_setopt(t->h, CURLOPT_PASSWORD, c->secret_access_key);
		curl_easy_setopt(t->h, CURLOPT_HTTPHEADER, t->s3_hdr);
		break;
	}
	}
}

/* Classify the result of a request (rc, and the HTTP status for http).
 * Returns 0 or -1 with t->fail and t->detail set. */
static int outcome(struct transport *t, CURLcode rc, int get)
{
	long status = 0;

	t->fail = TR_OK;
	if (rc == CURLE_OK && is_http(t)) {
		curl_easy_getinfo(t->h, CURLINFO_RESPONSE_CODE, &status);
		if (status >= 200 && status < 300)
			return 0;
		snprintf(t->detail, sizeof t->detail, "HTTP %ld", status);
		t->fail = status == 404 && get ? TR_NOT_FOUND
			: status == 401 || status == 403 ? TR_LOGIN
			: status == 507 || status == 413 ? TR_FULL : TR_OTHER;
		return -1;
	}
	if (rc == CURLE_OK)
		return 0;
	snprintf(t->detail, sizeof t->detail, "%s", t->errbuf[0] ? t->errbuf : curl_easy_strerror(rc));
	switch (rc) {
	case CURLE_REMOTE_FILE_NOT_FOUND:
		t->fail = get ? TR_NOT_FOUND : TR_OTHER;
		break;
	case CURLE_REMOTE_ACCESS_DENIED:
		/* ftp: CWD into a directory that is not there yet */
		t->fail = get && t->c->type == DT_FTPS ? TR_NOT_FOUND : TR_OTHER;
		break;
	case CURLE_LOGIN_DENIED:
		t->fail = TR_LOGIN;
		break;
	case CURLE_REMOTE_DISK_FULL:
		t->fail = TR_FULL;
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
		t->fail = t->c->type == DT_SFTP ? TR_HOSTKEY : TR_TLS;
		break;
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_USE_SSL_FAILED:
		t->fail = TR_TLS;
		break;
	case CURLE_COULDNT_CONNECT:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_OPERATION_TIMEDOUT:
		t->fail = TR_CONNECT;
		break;
	default:
		t->fail = TR_OTHER;
	}
	return -1;
}

/* sftp/ftps: t->base_path from the url and the login's entry path (known
 * after the first request).  0 or -1. */
static int need_base_path(struct transport *t)
{
	CURLU *u;
	char *path = NULL, *entry = NULL;
	const char *p;
	size_t n;

	if (t->base_path)
		return 0;
	u = curl_url();
	if (!u || curl_url_set(u, CURLUPART_URL, t->c->url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PATH, &path, CURLU_URLDECODE) != CURLUE_OK) {
		curl_url_cleanup(u);
		snprintf(t->detail, sizeof t->detail, "bad url");
		t->fail = TR_OTHER;
		return -1;
	}
	curl_url_cleanup(u);
	curl_easy_getinfo(t->h, CURLINFO_FTP_ENTRY_PATH, &entry);
	p = path;
	if (t->c->type == DT_SFTP) {
		if (strncmp(p, "/~/", 3) == 0 || strcmp(p, "/~") == 0) {
			p += 2;
		} else {
			entry = NULL;
		}
	} else {
		p++;                   /* ftp: the path is relative to the login */
		if (*p == '/')
			entry = NULL;  /* /%2F...: absolute */
	}
	n = (entry ? strlen(entry) + 1 : 0) + strlen(p) + 2;
	t->base_path = malloc(n);
	if (t->base_path) {
		snprintf(t->base_path, n, "%s%s%s", entry ? entry : "",
			 entry && entry[0] && entry[strlen(entry) - 1] != '/' && *p != '/' ? "/" : "", p);
		n = strlen(t->base_path);
		if (n == 0 || t->base_path[n - 1] != '/')
			strcat(t->base_path, "/");
	}
	curl_free(path);
	if (!t->base_path) {
		t->fail = TR_OTHER;
		snprintf(t->detail, sizeof t->detail, "out of memory");
		return -1;
	}
	return 0;
}

static size_t write_buf(char *ptr, size_t size, size_t nmemb, void *ud)
{
	struct buf *b = ud;

	return buf_add(b, ptr, size * nmemb) == BUF_OK ? size * nmemb : 0;
}

static size_t discard(char *ptr, size_t size, size_t nmemb, void *ud)
{
	(void)ptr;
	(void)ud;
	return size * nmemb;
}

int transport_get(struct transport *t, const char *rel, struct buf *out)
{
	char *url = url_of(t, rel);
	CURLcode rc;
	int r;

	if (!url) {
		t->fail = TR_OTHER;
		snprintf(t->detail, sizeof t->detail, "out of memory");
		return -1;
	}
	buf_reset(out);
	common_opts(t, url);
	curl_easy_setopt(t->h, CURLOPT_WRITEFUNCTION, write_buf);
	curl_easy_setopt(t->h, CURLOPT_WRITEDATA, out);
	rc = curl_easy_perform(t->h);
	free(url);
	r = outcome(t, rc, 1);
	if (r != 0 && out->err) {
		t->fail = TR_OTHER;
		snprintf(t->detail, sizeof t->detail, "larger than %zu bytes", out->cap);
	}
	return r;
}

struct memsrc {
	const char *data;
	size_t len, off;
};

static size_t read_mem(char *ptr, size_t size, size_t nmemb, void *ud)
{
	struct memsrc *m = ud;
	size_t n = size * nmemb;

	if (n > m->len - m->off)
		n = m->len - m->off;
	memcpy(ptr, m->data + m->off, n);
	m->off += n;
	return n;
}

/* rel's directory and name split into the quote paths of sftp/ftps:
 * target = base_path + rel, tmp = base_path + dir/.name.prongsai-tmp. */
static int quote_paths(struct transport *t, const char *rel, char **target, char **tmp_rel)
{
	const char *slash = strrchr(rel, '/');
	size_t dl = slash ? (size_t)(slash - rel) + 1 : 0, n;

	if (need_base_path(t) != 0)
		return -1;
	n = strlen(t->base_path) + strlen(rel) + 1;
	*target = malloc(n);
	*tmp_rel = malloc(strlen(rel) + sizeof TMP_SUFFIX + 2);
	if (!*target || !*tmp_rel) {
		free(*target);
		free(*tmp_rel);
		t->fail = TR_OTHER;
		snprintf(t->detail, sizeof t->detail, "out of memory");
		return -1;
	}
	snprintf(*target, n, "%s%s", t->base_path, rel);
	memcpy(*tmp_rel, rel, dl);
	sprintf(*tmp_rel + dl, ".%s%s", rel + dl, TMP_SUFFIX);
	return 0;
}

/* 1 if rc says the connection broke during a transfer, which a second try
 * may get through (not a refusal: login, permissions, disk full). */
static int transfer_cut(CURLcode rc)
{
	return rc == CURLE_PARTIAL_FILE || rc == CURLE_SEND_ERROR || rc == CURLE_RECV_ERROR ||
	       rc == CURLE_UPLOAD_FAILED || rc == CURLE_GOT_NOTHING;
}

/* sftp/ftps: the commands of q (rm, rename; DELE, RNFR/RNTO) on the
 * target, no transfer.  Returns 0, or -1 with t->fail set. */
static int run_quote(struct transport *t, struct curl_slist *q)
{
	common_opts(t, t->c->url);
	curl_easy_setopt(t->h, CURLOPT_NOBODY, 1L);
	curl_easy_setopt(t->h, CURLOPT_QUOTE, q);
	curl_easy_setopt(t->h, CURLOPT_WRITEFUNCTION, discard);
	return outcome(t, curl_easy_perform(t->h), 0);
}

/* sftp/ftps: the size of the file at url on the target (SIZE, or the
 * sftp stat) into *size.  Returns 0, or -1 with t->fail set. */
static int remote_size(struct transport *t, const char *url, curl_off_t *size)
{
	CURLcode rc;

	common_opts(t, url);
	curl_easy_setopt(t->h, CURLOPT_NOBODY, 1L);
	curl_easy_setopt(t->h, CURLOPT_WRITEFUNCTION, discard);
	rc = curl_easy_perform(t->h);
	if (outcome(t, rc, 0) != 0)
		return -1;
	*size = -1;
	curl_easy_getinfo(t->h, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, size);
	return 0;
}

/* Send from a FILE or memory: read callback set by the caller.  sftp/ftps
 * send under the temporary name, then the size the target holds is
 * checked (vsftpd, unless strict_ssl_read_eof, takes a TLS data connection
 * cut short for the end of the file and answers 226), and only then is the
 * file renamed into place. */
static int put(struct transport *t, const char *rel, long long size, FILE *f, struct memsrc *mem)
{
	struct curl_slist *hdr = NULL, *post = NULL;
	char *url = NULL, *target = NULL, *tmp_rel = NULL, line[REMOTE_MANIFEST_MAX_PATH * 2 + 4200];
	CURLcode rc;
	int r = -1, attempt;

	if (!is_http(t)) {
		/* the first request of a run is the manifest's get, so the
		 * entry path is known */
		if (quote_paths(t, rel, &target, &tmp_rel) != 0)
			return -1;
		url = url_of(t, tmp_rel);
		if (t->c->type == DT_SFTP) {
			snprintf(line, sizeof line, "*rm \"%s\"", target);
			post = curl_slist_append(post, line);
			snprintf(line, sizeof line, "rename \"%s%s\" \"%s\"", t->base_path, tmp_rel, target);
			post = curl_slist_append(post, line);
		} else {
			snprintf(line, sizeof line, "RNFR %s%s", t->base_path, tmp_rel);
			post = curl_slist_append(post, line);
			snprintf(line, sizeof line, "RNTO %s", target);
			post = curl_slist_append(post, line);
		}
		if (!post || !post->next)
			goto oom;
	} else {
		char h[600];
		url = url_of(t, rel);
		snprintf(h, sizeof h, "Content-Type: %s", mediatype_of(rel));
		hdr = curl_slist_append(hdr, h);
		snprintf(h, sizeof h, "Cache-Control: %s",
			 strncmp(rel, ".prongsai", 9) == 0 ? "no-cache"
			 : mediatype_is_page(rel) ? t->c->cache_pages : t->c->cache_assets);
		hdr = curl_slist_append(hdr, h);
		hdr = curl_slist_append(hdr, "Expect:");
		if (t->c->type == DT_S3)
			hdr = curl_slist_append(hdr, "x-amz-content-sha256: UNSIGNED-PAYLOAD");
		if (!hdr)
			goto oom;
	}
	if (!url)
		goto oom;
	for (attempt = 0; attempt < 2; attempt++) {
		int cut;
		common_opts(t, url);
		curl_easy_setopt(t->h, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(t->h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)size);
		if (f) {
			rewind(f);
			curl_easy_setopt(t->h, CURLOPT_READDATA, f);
		} else {
			mem->off = 0;
			curl_easy_setopt(t->h, CURLOPT_READFUNCTION, read_mem);
			curl_easy_setopt(t->h, CURLOPT_READDATA, mem);
		}
		curl_easy_setopt(t->h, CURLOPT_WRITEFUNCTION, discard);
		if (hdr)
			curl_easy_setopt(t->h, CURLOPT_HTTPHEADER, hdr);
		rc = curl_easy_perform(t->h);
		r = outcome(t, rc, 0);
		cut = r != 0 && transfer_cut(rc);
		if (r == 0 && post) {
			curl_off_t got;
			if ((r = remote_size(t, url, &got)) == 0 && got != (curl_off_t)size) {
				r = -1;
				cut = 1;
				t->fail = TR_OTHER;
				snprintf(t->detail, sizeof t->detail, "the target holds %lld of %lld bytes",
					 (long long)got, size);
			}
		}
		if (r == 0 || attempt)
			break;
		/* a connection cut during the transfer (vsftpd's 426 after a
		 * TLS data connection closed early), or a file that arrived
		 * short: sent once more; it travels under its temporary name,
		 * so nothing half is seen */
		if (cut)
			continue;
		if (t->c->type != DT_WEBDAV || strcmp(t->detail, "HTTP 409") != 0)
			break;
		/* webdav: a parent collection is missing; make them, top down,
		 * from the url's own (its parent must exist) */
		common_opts(t, t->c->url);
		curl_easy_setopt(t->h, CURLOPT_CUSTOMREQUEST, "MKCOL");
		curl_easy_setopt(t->h, CURLOPT_WRITEFUNCTION, discard);
		rc = curl_easy_perform(t->h);
		if (outcome(t, rc, 0) != 0 && strcmp(t->detail, "HTTP 405") != 0) {
			r = -1;
			goto out;
		}
		{
			const char *p = rel;
			while ((p = strchr(p, '/')) != NULL) {
				char *dir = strndup(rel, (size_t)(p - rel) + 1), *du;
				if (!dir)
					goto oom;
				du = url_of(t, dir);
				free(dir);
				if (!du)
					goto oom;
				common_opts(t, du);
				curl_easy_setopt(t->h, CURLOPT_CUSTOMREQUEST, "MKCOL");
				curl_easy_setopt(t->h, CURLOPT_WRITEFUNCTION, discard);
				rc = curl_easy_perform(t->h);
				free(du);
				if (outcome(t, rc, 0) != 0 && strcmp(t->detail, "HTTP 405") != 0) {
					r = -1;
					goto out;
				}
				p++;
			}
		}
	}
	if (r == 0 && post)
		r = run_quote(t, post); /* whole on the target: into place */
	if (r == 0)
		t->sent += size;
	goto out;
oom:
	t->fail = TR_OTHER;
	snprintf(t->detail, sizeof t->detail, "out of memory");
	r = -1;
out:
	curl_slist_free_all(hdr);
	curl_slist_free_all(post);
	free(url);
	free(target);
	free(tmp_rel);
	return r;
}

int transport_put_file(struct transport *t, const char *rel, const char *local_path, long long size)
{
	FILE *f = fopen(local_path, "rb");
	int r;

	if (!f) {
		t->fail = TR_OTHER;
		snprintf(t->detail, sizeof t->detail, "%s: %s", local_path, strerror(errno));
		return -1;
	}
	r = put(t, rel, size, f, NULL);
	fclose(f);
	return r;
}

int transport_put_mem(struct transport *t, const char *rel, const char *data, size_t len)
{
	struct memsrc m = { data, len, 0 };

	return put(t, rel, (long long)len, NULL, &m);
}

int transport_delete(struct transport *t, const char *rel)
{
	struct curl_slist *q = NULL;
	char *url = NULL, *target = NULL, *tmp_rel = NULL, line[REMOTE_MANIFEST_MAX_PATH * 2 + 4200];
	CURLcode rc;
	int r = -1;

	if (is_http(t)) {
		url = url_of(t, rel);
		if (!url)
			goto oom;
		common_opts(t, url);
		curl_easy_setopt(t->h, CURLOPT_CUSTOMREQUEST, "DELETE");
		curl_easy_setopt(t->h, CURLOPT_WRITEFUNCTION, discard);
		rc = curl_easy_perform(t->h);
		r = outcome(t, rc, 1);
		if (r != 0 && t->fail == TR_NOT_FOUND)
			r = 0;
		free(url);
		return r;
	}
	if (quote_paths(t, rel, &target, &tmp_rel) != 0)
		return -1;
	if (t->c->type == DT_SFTP)
		snprintf(line, sizeof line, "*rm \"%s\"", target);
	else
		snprintf(line, sizeof line, "*DELE %s", target);
	q = curl_slist_append(NULL, line);
	if (!q)
		goto oom;
	r = run_quote(t, q);
	goto out;
oom:
	t->fail = TR_OTHER;
	snprintf(t->detail, sizeof t->detail, "out of memory");
	r = -1;
out:
	curl_slist_free_all(q);
	free(target);
	free(tmp_rel);
	return r;
}
