/* inbox.c: see inbox.h. */
#include "inbox.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#define KEY_FILE_MAX 4096

static void seterr(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (!errlen)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

static int write_all(int fd, const char *p, size_t n)
{
	ssize_t w;

	while (n) {
		w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

int inbox_keygen(const char *path, char pub_b64[45], char *err, size_t errlen)
{
	unsigned char pk[crypto_box_PUBLICKEYBYTES], sk[crypto_box_SECRETKEYBYTES];
	char sk_b64[45], text[512];
	int fd, n, ok;

	if (sodium_init() < 0) {
		seterr(err, errlen, "libsodium cannot start / เริ่ม libsodium ไม่ได้");
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			seterr(err, errlen, "%s exists already: a key is never overwritten (submissions sealed to it "
			       "could no longer be read) / มีแฟ้ม %s อยู่แล้ว จะไม่เขียนทับกุญแจเดิม", path, path);
		else
			seterr(err, errlen, "cannot create %s: %s / สร้างแฟ้มกุญแจไม่ได้", path, strerror(errno));
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
	ok = n > 0 && (size_t)n < sizeof text && fchmod(fd, 0600) == 0 && write_all(fd, text, (size_t)n) == 0 &&
	     fsync(fd) == 0;
	sodium_memzero(sk, sizeof sk);
	sodium_memzero(sk_b64, sizeof sk_b64);
	sodium_memzero(text, sizeof text);
	if (close(fd) != 0)
		ok = 0;
	if (!ok) {
		seterr(err, errlen, "cannot write %s: %s / เขียนแฟ้มกุญแจไม่ได้", path, strerror(errno));
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
	ssize_t n;
	size_t len = 0;
	int fd, ok;

	if (sodium_init() < 0) {
		seterr(err, errlen, "libsodium cannot start / เริ่ม libsodium ไม่ได้");
		return -1;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		seterr(err, errlen, "cannot open %s: %s / เปิดแฟ้มกุญแจไม่ได้", path, strerror(errno));
		return -1;
	}
	while (len < KEY_FILE_MAX && (n = read(fd, text + len, KEY_FILE_MAX - len)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		len += (size_t)n;
	}
	close(fd);
	text[len] = '\0';
	ok = key_field(text, "secret_key", sk) == 0 && key_field(text, "public_key", pk) == 0 &&
	     crypto_scalarmult_base(check, sk) == 0 && sodium_memcmp(check, pk, 32) == 0;
	sodium_memzero(text, sizeof text);
	if (!ok) {
		sodium_memzero(sk, 32);
		seterr(err, errlen, "%s is not a prongsai key file, or its keys do not match / "
		       "แฟ้มกุญแจไม่ถูกต้อง", path);
		return -1;
	}
	return 0;
}

static void usage(FILE *f)
{
	fputs("usage: prongsai inbox keygen --key FILE\n"
	      "       prongsai inbox list|show|export|purge   (not yet implemented)\n"
	      "  keygen --key FILE  สร้างคู่กุญแจ เขียนกุญแจลับลง FILE (สิทธิ์ 0600 ไม่เขียนทับ)\n"
	      "                     และพิมพ์กุญแจสาธารณะ (base64) สำหรับ site.yaml inbox.public_key\n"
	      "                     make a key pair: the secret key goes to FILE (mode 0600, never\n"
	      "                     overwritten); the base64 public key is printed, for site.yaml\n"
	      "                     inbox.public_key or prongsai build --public-key\n", f);
}

static int keygen_main(int argc, char **argv)
{
	const char *path = NULL;
	char pub[45], err[512];
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--key") == 0 && i + 1 < argc) {
			path = argv[++i];
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			return 0;
		} else {
			fprintf(stderr, "prongsai inbox keygen: ไม่รู้จักตัวเลือก / unknown option: %s\n", argv[i]);
			usage(stderr);
			return 2;
		}
	}
	if (!path) {
		fputs("prongsai inbox keygen: ต้องระบุ --key FILE / --key FILE is required\n", stderr);
		usage(stderr);
		return 2;
	}
	if (inbox_keygen(path, pub, err, sizeof err) < 0) {
		fprintf(stderr, "prongsai inbox keygen: %s\n", err);
		return 1;
	}
	printf("%s\n", pub);
	fprintf(stderr, "prongsai inbox keygen: กุญแจลับอยู่ใน %s (เก็บเป็นความลับและสำรองไว้) / "
		"secret key in %s (keep it secret, keep a backup)\n"
		"  กุญแจสาธารณะด้านบน ใส่ใน site.yaml inbox.public_key / "
		"put the public key above in site.yaml inbox.public_key\n", path, path);
	return 0;
}

int inbox_main(int argc, char **argv)
{
	const char *sub = argc > 1 ? argv[1] : NULL;

	if (!sub || strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0 || strcmp(sub, "help") == 0) {
		usage(sub ? stdout : stderr);
		return sub ? 0 : 2;
	}
	if (strcmp(sub, "keygen") == 0)
		return keygen_main(argc - 1, argv + 1);
	if (strcmp(sub, "list") == 0 || strcmp(sub, "show") == 0 || strcmp(sub, "export") == 0 ||
	    strcmp(sub, "purge") == 0) {
		fprintf(stderr, "prongsai inbox %s: ยังไม่รองรับ / not yet implemented\n", sub);
		return 2;
	}
	fprintf(stderr, "prongsai inbox: ไม่รู้จักคำสั่ง / unknown command: %s\n", sub);
	usage(stderr);
	return 2;
}
