/* inbox_key.c: see inbox_key.h. */
#include "desk/inbox_key.h"
#include "fdio.h"
#include "errmsg.h"
#include "publish/fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#define KEY_FILE_MAX 4096

_Static_assert(INBOX_SEAL_OVERHEAD == crypto_box_SEALBYTES, "seal overhead");
_Static_assert(INBOX_KEY_BYTES == crypto_box_SECRETKEYBYTES && INBOX_KEY_BYTES == crypto_box_PUBLICKEYBYTES,
	       "key size");

int inbox_keygen(const char *path, char pub_b64[INBOX_KEY_B64], char *err, size_t errlen)
{
	unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
	char sk_b64[45], text[512], dir[PATH_MAX];
	int fd, n, ok;

	if (sodium_init() < 0) {
		err_set(err, errlen, "libsodium cannot start / เริ่ม libsodium ไม่ได้");
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			err_set(err, errlen, "%s exists already: a key is never overwritten (submissions sealed to it "
			       "could no longer be read) / มีแฟ้ม %s อยู่แล้ว จะไม่เขียนทับกุญแจเดิม", path, path);
		else
			err_set(err, errlen, "cannot create %s: %s / สร้างแฟ้มกุญแจไม่ได้", path, strerror(errno));
		return -1;
	}
	crypto_box_keypair(pk, sk);
	sodium_bin2base64(pub_b64, 45, pk, sizeof pk, sodium_base64_VARIANT_ORIGINAL);
	sodium_bin2base64(sk_b64, sizeof sk_b64, sk, sizeof sk, sodium_base64_VARIANT_ORIGINAL);
	n = snprintf(text, sizeof text,
		     "# prongsai inbox key pair (X25519, libsodium crypto_box).\n"
		     "# เก็บแฟ้มนี้เป็นความลับ / KEEP THIS FILE SECRET: it opens the personal data of complainants.\n"
		     "# Keep a copy offline: without it, sealed submissions cannot be read.\n"
		     "secret_key: %s\npublic_key: %s\n", sk_b64, pub_b64);
	ok = n > 0 && (size_t)n < sizeof text && fchmod(fd, 0600) == 0 && fd_write_all(fd, text, (size_t)n) == 0 &&
	     fsync(fd) == 0;
	sodium_memzero(sk, sizeof sk);
	sodium_memzero(sk_b64, sizeof sk_b64);
	sodium_memzero(text, sizeof text);
	if (close(fd) != 0)
		ok = 0;
	if (!ok) {
		err_set(err, errlen, "cannot write %s: %s / เขียนแฟ้มกุญแจไม่ได้", path, strerror(errno));
		unlink(path);
		return -1;
	}
	/* the name too: a key lost in a crash would leave every submission
	 * sealed to it unreadable */
	if (fs_parent(path, dir, sizeof dir, err, errlen) != 0 || fs_sync_dir(dir, err, errlen) != 0) {
		unlink(path);
		return -1;
	}
	return 0;
}

/* The value of "name: value" in text, decoded from base64 into out[32]. */
static int key_field(const char *text, const char *name, unsigned char out[32])
{
	const char *p = text, *v, *end;
	size_t nlen = strlen(name), len;

	while (*p) {
		end = p + strcspn(p, "\n");
		if ((size_t)(end - p) > nlen + 1 && strncmp(p, name, nlen) == 0 && p[nlen] == ':') {
			v = p + nlen + 1;
			while (*v == ' ' || *v == '\t')
				v++;
			len = (size_t)(end - v);
			while (len && (v[len - 1] == ' ' || v[len - 1] == '\r' || v[len - 1] == '\t'))
				len--;
			if (sodium_base642bin(out, 32, v, len, NULL, &len, NULL, sodium_base64_VARIANT_ORIGINAL) != 0 ||
			    len != 32)
				return -1;
			return 0;
		}
		p = *end ? end + 1 : end;
	}
	return -1;
}

int inbox_key_read(const char *path, unsigned char sk[32], unsigned char pk[32], char *err, size_t errlen)
{
	char text[KEY_FILE_MAX + 1];
	unsigned char check[32];
	struct stat st;
	ssize_t n;
	size_t len = 0;
	int fd, ok, from_stdin = strcmp(path, "-") == 0;

	if (sodium_init() < 0) {
		err_set(err, errlen, "libsodium cannot start / เริ่ม libsodium ไม่ได้");
		return -1;
	}
	fd = from_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_NOCTTY);
	if (fd < 0) {
		err_set(err, errlen, "cannot open the key file %s: %s / เปิดแฟ้มกุญแจไม่ได้", path, strerror(errno));
		return -1;
	}
	if (fstat(fd, &st) != 0 || !(S_ISREG(st.st_mode) || (from_stdin && S_ISFIFO(st.st_mode)))) {
		err_set(err, errlen, "%s is not a key file (not a regular file) / %s ไม่ใช่แฟ้มกุญแจ", path, path);
		if (!from_stdin)
			close(fd);
		return -1;
	}
	if (S_ISREG(st.st_mode) && (st.st_mode & 077)) {
		err_set(err, errlen, "the key file %s can be read by other users (mode %03o): run chmod 600 %s / "
		       "ผู้ใช้อื่นอ่านแฟ้มกุญแจ %s ได้ ให้แก้สิทธิ์ด้วยคำสั่ง chmod 600 %s",
		       path, (unsigned)(st.st_mode & 0777), path, path, path);
		if (!from_stdin)
			close(fd);
		return -1;
	}
	while (len < KEY_FILE_MAX && (n = read(fd, text + len, KEY_FILE_MAX - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		len += (size_t)n;
	}
	if (!from_stdin)
		close(fd);
	text[len] = '\0';
	ok = key_field(text, "secret_key", sk) == 0 && key_field(text, "public_key", pk) == 0 &&
	     crypto_scalarmult_base(check, sk) == 0 && sodium_memcmp(check, pk, 32) == 0;
	sodium_memzero(text, sizeof text);
	sodium_memzero(check, sizeof check);
	if (!ok) {
		sodium_memzero(sk, 32);
		err_set(err, errlen, "%s is not a prongsai key file, or its keys do not match / "
		       "แฟ้มกุญแจไม่ถูกต้อง", path);
		return -1;
	}
	return 0;
}

int inbox_unseal(const unsigned char sk[INBOX_KEY_BYTES], const unsigned char pk[INBOX_KEY_BYTES],
		 const void *c, size_t clen, unsigned char **out, size_t *outlen)
{
	unsigned char *p;
	size_t n;

	*out = NULL;
	*outlen = 0;
	if (!c || clen < crypto_box_SEALBYTES)
		return -1;
	n = clen - crypto_box_SEALBYTES;
	if (!(p = malloc(n + 1)))
		return -1;
	if (crypto_box_seal_open(p, c, clen, pk, sk) != 0) {
		inbox_wipe_free(p, n + 1);
		return -1;
	}
	p[n] = '\0';
	*out = p;
	*outlen = n;
	return 0;
}

void inbox_wipe_free(void *p, size_t n)
{
	if (!p)
		return;
	sodium_memzero(p, n);
	free(p);
}
