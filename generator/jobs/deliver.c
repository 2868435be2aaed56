/* deliver.c: see deliver.h. */
#include "jobs/deliver.h"

#include <stdio.h>
#include <string.h>
#include <curl/curl.h>
#include <sodium.h>

struct upload {
	const char *p;
	size_t left;
};

static size_t read_cb(char *dst, size_t size, size_t nmemb, void *userp)
{
	struct upload *u = userp;
	size_t n = size * nmemb;

	if (n > u->left)
		n = u->left;
	memcpy(dst, u->p, n);
	u->p += n;
	u->left -= n;
	return n;
}

/* Drop the answer, but not more than DELIVER_MAX_ANSWER bytes of it. */
static size_t write_cb(char *src, size_t size, size_t nmemb, void *userp)
{
	size_t *seen = userp, n = size * nmemb;

	(void)src;
	if (n > DELIVER_MAX_ANSWER - *seen)
		return 0; /* CURLE_WRITE_ERROR */
	*seen += n;
	return n;
}

static void wipe_slist(struct curl_slist *l)
{
	struct curl_slist *p;

	for (p = l; p; p = p->next)
		if (p->data)
			sodium_memzero(p->data, strlen(p->data));
	curl_slist_free_all(l);
}

static int contains(const char *hay, const char *needle)
{
	return needle && needle[0] && strstr(hay, needle) != NULL;
}

/* r->error from curl's error buffer, unless it holds anything secret. */
static void set_error(struct deliver_result *r, const struct notify_channel *ch, CURLcode rc,
		      const char *errbuf, const char *prefix)
{
	const char *msg = errbuf && errbuf[0] ? errbuf : curl_easy_strerror(rc);
	size_t i, k;

	if (contains(msg, ch->password) || contains(msg, ch->token) || contains(msg, ch->url) ||
	    contains(msg, ch->username) || strstr(msg, "://"))
		msg = curl_easy_strerror(rc);
	for (i = 0; i < ch->n_headers; i++)
		if (contains(msg, ch->headers[i].value))
			msg = curl_easy_strerror(rc);
	snprintf(r->error, sizeof r->error, "%s%s", prefix, msg);
	for (k = 0; r->error[k]; k++)
		if ((unsigned char)r->error[k] < 0x20 || r->error[k] == 0x7f)
			r->error[k] = ' ';
}

static void common_opts(CURL *h, const struct notify_channel *ch, char *errbuf, size_t *seen)
{
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)DELIVER_CONNECT_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)DELIVER_TIMEOUT);
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (ch->ca_file)
		curl_easy_setopt(h, CURLOPT_CAINFO, ch->ca_file);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, write_cb);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, seen);
	curl_easy_setopt(h, CURLOPT_USERAGENT, "prongsai-notify");
}

/* curl errors that point at the configuration rather than the network. */
static int conf_error(CURLcode rc)
{
	return rc == CURLE_LOGIN_DENIED || rc == CURLE_PEER_FAILED_VERIFICATION ||
	       rc == CURLE_SSL_CACERT_BADFILE || rc == CURLE_USE_SSL_FAILED ||
	       rc == CURLE_URL_MALFORMAT || rc == CURLE_UNSUPPORTED_PROTOCOL ||
	       rc == CURLE_COULDNT_RESOLVE_HOST || rc == CURLE_SSL_CERTPROBLEM;
}

int deliver_smtp(const struct notify_channel *ch, const char *message, size_t len,
		 struct deliver_result *r)
{
	char errbuf[CURL_ERROR_SIZE], from[300], rcpt[300];
	struct curl_slist *rcpts = NULL, *t;
	struct upload up = { message, len };
	size_t seen = 0, i;
	CURL *h;
	CURLcode rc = CURLE_OUT_OF_MEMORY;
	long code = 0;

	memset(r, 0, sizeof *r);
	errbuf[0] = '\0';
	h = curl_easy_init();
	if (!h) {
		snprintf(r->error, sizeof r->error, "curl: cannot start");
		return -1;
	}
	for (i = 0; i < ch->n_to; i++) {
		snprintf(rcpt, sizeof rcpt, "<%s>", ch->to[i]);
		t = curl_slist_append(rcpts, rcpt);
		if (!t)
			goto out;
		rcpts = t;
	}
	snprintf(from, sizeof from, "<%s>", ch->from);
	common_opts(h, ch, errbuf, &seen);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_URL, ch->url);
	if (strncmp(ch->url, "smtp:", 5) == 0)
		curl_easy_setopt(h, CURLOPT_USE_SSL, ch->starttls == STARTTLS_REQUIRED ? (long)CURLUSESSL_ALL
						     : ch->starttls == STARTTLS_TRY ? (long)CURLUSESSL_TRY
						     : (long)CURLUSESSL_NONE);
	if (ch->username) {
		curl_easy_setopt(h, CURLOPT_USERNAME, ch->username);
		curl_easy_setopt(h, CURLOPT_PASSWORD, ch->password);
	}
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpts);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(h, CURLOPT_READDATA, &up);
	curl_easy_setopt(h, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	rc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
out:
	r->status = code;
	if (rc == CURLE_OK) {
		r->ok = 1;
	} else {
		char prefix[40] = "";
		if (code)
			snprintf(prefix, sizeof prefix, "SMTP %ld: ", code);
		set_error(r, ch, rc, errbuf, prefix);
		r->suspect_conf = conf_error(rc) || (code >= 500 && code < 600);
	}
	curl_slist_free_all(rcpts);
	curl_easy_cleanup(h);
	sodium_memzero(errbuf, sizeof errbuf);
	return r->ok ? 0 : -1;
}

int deliver_http(const struct notify_channel *ch, const char *url, const char *const *headers,
		 size_t n_headers, const char *body, size_t len, int accept_409,
		 struct deliver_result *r)
{
	char errbuf[CURL_ERROR_SIZE];
	struct curl_slist *hl = NULL, *t;
	size_t seen = 0, i;
	CURL *h;
	CURLcode rc = CURLE_OUT_OF_MEMORY;
	long code = 0;

	memset(r, 0, sizeof *r);
	errbuf[0] = '\0';
	h = curl_easy_init();
	if (!h) {
		snprintf(r->error, sizeof r->error, "curl: cannot start");
		return -1;
	}
	t = curl_slist_append(hl, "Content-Type: application/json; charset=utf-8");
	if (!t)
		goto out;
	hl = t;
	t = curl_slist_append(hl, "Expect:"); /* no 100-continue round trip */
	if (!t)
		goto out;
	hl = t;
	for (i = 0; i < n_headers; i++) {
		t = curl_slist_append(hl, headers[i]);
		if (!t)
			goto out;
		hl = t;
	}
	common_opts(h, ch, errbuf, &seen);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_URL, url);
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, hl);
	curl_easy_setopt(h, CURLOPT_POST, 1L);
	curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
	curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	rc = curl_easy_perform(h);
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
out:
	r->status = code;
	if (rc != CURLE_OK) {
		set_error(r, ch, rc, errbuf, "");
		r->suspect_conf = conf_error(rc);
	} else if (code >= 200 && code < 300) {
		r->ok = 1;
	} else if (code == 409 && accept_409) {
		r->ok = 1;
		r->already = 1;
	} else {
		snprintf(r->error, sizeof r->error, "HTTP %ld", code);
		r->suspect_conf = code >= 300 && code < 500 && code != 408 && code != 429;
	}
	wipe_slist(hl);
	curl_easy_cleanup(h);
	sodium_memzero(errbuf, sizeof errbuf);
	return r->ok ? 0 : -1;
}
