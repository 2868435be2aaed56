/* deployconf.c: see deployconf.h. */
#define _DEFAULT_SOURCE
#include "deploy/deployconf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <curl/curl.h>

#include "jobs/notifyconf.h"
#include "jobs/secretfile.h"
#include "load/ycheck.h"
#include "load/yload.h"

const char *deploy_type_name(enum deploy_type t)
{
	switch (t) {
	case DT_SFTP: return "sftp";
	case DT_FTPS: return "ftps";
	case DT_WEBDAV: return "webdav";
	case DT_S3: return "s3";
	}
	return "?";
}

/* A header value: one printable line. */
static const char *get_header_value(struct yctx *c, const struct ynode *map, const char *key, const char *dflt)
{
	const char *s = yget_str(c, map, key, 0, 200);
	const char *p;

	if (!s)
		return ynode_is_null(ymap_get(map, key)) ? dflt : NULL;
	for (p = s; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			diag_error(c->d, yloc(c->path, ymap_get(map, key)), "\"%s\" ต้องเป็นข้อความบรรทัดเดียว",
				   "\"%s\" must be one line", key);
			return NULL;
		}
	return s;
}

static const char *get_file(struct yctx *c, const struct ynode *m, const char *key, int required)
{
	const char *s = yget_str(c, m, key, required, 1024);
	struct stat st;

	if (s && (stat(s, &st) != 0 || !S_ISREG(st.st_mode))) {
		diag_error(c->d, yloc(c->path, ymap_get(m, key)), "\"%s\": ไม่พบแฟ้ม %s", "\"%s\": no such file %s",
			   key, s);
		return NULL;
	}
	return s;
}

/* The url for type t, ending in "/"; NULL after a report. */
static const char *get_url(struct yctx *c, const struct ynode *m, enum deploy_type t)
{
	const struct ynode *n = ymap_get(m, "url");
	const char *s = yget_str(c, m, "url", 1, DEPLOYCONF_MAX_URL);
	CURLU *u;
	char *scheme = NULL, *host = NULL, *user = NULL, *query = NULL;
	int ok = 0;

	if (!s)
		return NULL;
	u = curl_url();
	if (u && secretfile_printable(s) && strlen(s) <= DEPLOYCONF_MAX_URL &&
	    curl_url_set(u, CURLUPART_URL, s, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK && host[0] &&
	    curl_url_get(u, CURLUPART_USER, &user, 0) != CURLUE_OK &&
	    curl_url_get(u, CURLUPART_QUERY, &query, 0) != CURLUE_OK && !strchr(s, '#')) {
		switch (t) {
		case DT_SFTP:
			ok = strcmp(scheme, "sftp") == 0;
			break;
		case DT_FTPS:
			ok = strcmp(scheme, "ftp") == 0 || strcmp(scheme, "ftps") == 0;
			break;
		case DT_WEBDAV:
		case DT_S3:
			ok = strcmp(scheme, "https") == 0 ||
			     (strcmp(scheme, "http") == 0 && notifyconf_is_loopback(host, strlen(host)));
			break;
		}
	}
	if (!ok) {
		static const char *const th[] = {
			"sftp://โฮสต์[:พอร์ต]/ไดเรกทอรี/",
			"ftp://โฮสต์[:พอร์ต]/ไดเรกทอรี/ (เข้ารหัสด้วย AUTH TLS เสมอ) หรือ ftps://",
			"https://โฮสต์[:พอร์ต]/ไดเรกทอรี/ (http:// ได้เฉพาะเครื่องนี้ 127.0.0.1)",
			"https://ปลายทาง/บักเก็ต/คำนำหน้า/ (http:// ได้เฉพาะเครื่องนี้ 127.0.0.1)" };
		static const char *const en[] = {
			"sftp://host[:port]/directory/",
			"ftp://host[:port]/directory/ (always encrypted with AUTH TLS) or ftps://",
			"https://host[:port]/directory/ (http:// only to the loopback)",
			"https://endpoint/bucket/prefix/ (http:// only to the loopback)" };
		diag_error(c->d, yloc(c->path, n),
			   "\"url\" ของ %s ต้องเป็น %s ไม่มีชื่อผู้ใช้ รหัสผ่าน หรือ ?query ในที่อยู่",
			   "\"url\" of %s must be %s, without a user name, password or ?query in it",
			   deploy_type_name(t), L(c->d, th[(unsigned)t % 4], en[(unsigned)t % 4]));
		s = NULL;
	}
	curl_free(user);
	curl_free(query);
	curl_free(scheme);
	curl_free(host);
	curl_url_cleanup(u);
	if (s && s[strlen(s) - 1] != '/')
		s = arena_printf(c->a, "%s/", s);
	return s;
}

int deployconf_load(const char *path, struct arena *a, struct diags *d, struct deploy_conf *out)
{
	static const char *const keys[] = { "type", "url", "username", "password", "private_key",
		"key_passphrase", "host_key_sha256", "access_key_id", "secret_access_key", "region", "ca_file",
		"cache_pages", "cache_assets", NULL };
	struct yctx c = { a, d, path };
	size_t errors = d->errors;
	const struct ynode *root;
	const char *type;

	memset(out, 0, sizeof *out);
	out->path = path;
	root = secretfile_load_map(path, DEPLOYCONF_MAX_FILE, "deploy", "/etc/prongsai/deploy.yaml",
		"ที่มี type และ url", "with type and url", a, d);
	if (!root)
		return -1;
	ycheck_keys(&c, root, keys);
	type = yget_str(&c, root, "type", 1, 16);
	if (!type)
		return -1;
	if (strcmp(type, "sftp") == 0)
		out->type = DT_SFTP;
	else if (strcmp(type, "ftps") == 0)
		out->type = DT_FTPS;
	else if (strcmp(type, "webdav") == 0)
		out->type = DT_WEBDAV;
	else if (strcmp(type, "s3") == 0)
		out->type = DT_S3;
	else {
		diag_error(d, yloc(path, ymap_get(root, "type")),
			   "\"type\" ต้องเป็น sftp, ftps, webdav หรือ s3 (ได้ \"%s\")",
			   "\"type\" must be sftp, ftps, webdav or s3 (got \"%s\")", type);
		return -1;
	}
	out->url = get_url(&c, root, out->type);
	out->ca_file = get_file(&c, root, "ca_file", 0);
	out->cache_pages = get_header_value(&c, root, "cache_pages", "public, max-age=300");
	out->cache_assets = get_header_value(&c, root, "cache_assets", "public, max-age=3600");
	if (out->type == DT_S3) {
		static const char *const not_s3[] = { "username", "password", "private_key", "key_passphrase",
			"host_key_sha256", NULL };
		size_t i;
		for (i = 0; not_s3[i]; i++)
			if (!ynode_is_null(ymap_get(root, not_s3[i])))
				diag_error(d, yloc(path, ymap_get(root, not_s3[i])),
					   "\"%s\" ใช้กับ s3 ไม่ได้ (ใช้ access_key_id และ secret_access_key)",
					   "\"%s\" is not for s3 (use access_key_id and secret_access_key)", not_s3[i]);
		out->access_key_id = secretfile_get_secret(&c, root, "access_key_id", 1, DEPLOYCONF_MAX_SECRET);
		out->secret_access_key = secretfile_get_secret(&c, root, "secret_access_key", 1,
			DEPLOYCONF_MAX_SECRET);
		out->region = yget_str(&c, root, "region", 0, 64);
		if (!out->region)
			out->region = "us-east-1";
		else if (!secretfile_printable(out->region) || strchr(out->region, ':'))
			diag_error(d, yloc(path, ymap_get(root, "region")), "\"region\" ไม่ถูกต้อง",
				   "\"region\" is not valid");
		return d->errors > errors ? -1 : 0;
	}
	if (!ynode_is_null(ymap_get(root, "access_key_id")) || !ynode_is_null(ymap_get(root, "secret_access_key")) ||
	    !ynode_is_null(ymap_get(root, "region")))
		diag_error(d, yloc(path, root), "access_key_id, secret_access_key และ region ใช้กับ s3 เท่านั้น",
			   "access_key_id, secret_access_key and region are for s3 only");
	out->username = yget_str(&c, root, "username", 1, 256);
	if (out->username && (!secretfile_printable(out->username) || strchr(out->username, ':'))) {
		diag_error(d, yloc(path, ymap_get(root, "username")), "\"username\" ต้องเป็น ASCII ไม่มีช่องว่างหรือ :",
			   "\"username\" must be ASCII without spaces or ':'");
		out->username = NULL;
	}
	if (out->type == DT_SFTP) {
		out->private_key = get_file(&c, root, "private_key", 0);
		out->key_passphrase = secretfile_get_secret(&c, root, "key_passphrase", 0, DEPLOYCONF_MAX_SECRET);
		out->password = secretfile_get_secret(&c, root, "password", 0, DEPLOYCONF_MAX_SECRET);
		out->host_key_sha256 = yget_str(&c, root, "host_key_sha256", 1, 64);
		if (out->host_key_sha256) {
			const char *h = out->host_key_sha256;
			size_t hl;
			if (strncmp(h, "SHA256:", 7) == 0)
				h += 7;
			hl = strlen(h);
			while (hl > 0 && h[hl - 1] == '=')
				hl--;
			if (hl != 43 || strspn(h, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/") < 43) {
				diag_error(d, yloc(path, ymap_get(root, "host_key_sha256")),
					   "\"host_key_sha256\" ต้องเป็นลายนิ้วมือ SHA256:... ของกุญแจเครื่อง (ssh-keygen -l -f กุญแจ.pub)",
					   "\"host_key_sha256\" must be the host key's SHA256:... fingerprint (ssh-keygen -l -f key.pub)");
				out->host_key_sha256 = NULL;
			} else {
				/* libcurl wants the base64 without "SHA256:" and padding */
				out->host_key_sha256 = arena_strndup(a, h, hl);
			}
		}
		if (!out->password && !out->private_key && !ynode_is_null(ymap_get(root, "username")))
			diag_error(d, yloc(path, root), "ต้องมี \"password\" หรือ \"private_key\"",
				   "give \"password\" or \"private_key\"");
	} else {
		if (!ynode_is_null(ymap_get(root, "private_key")) || !ynode_is_null(ymap_get(root, "host_key_sha256")) ||
		    !ynode_is_null(ymap_get(root, "key_passphrase")))
			diag_error(d, yloc(path, root), "private_key, key_passphrase และ host_key_sha256 ใช้กับ sftp เท่านั้น",
				   "private_key, key_passphrase and host_key_sha256 are for sftp only");
		out->password = secretfile_get_secret(&c, root, "password", 1, DEPLOYCONF_MAX_SECRET);
	}
	return d->errors > errors ? -1 : 0;
}

void deployconf_wipe(struct deploy_conf *c, struct arena *a)
{
	arena_wipe(a);
	memset(c, 0, sizeof *c);
}
