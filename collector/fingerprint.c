/* fingerprint.c: see fingerprint.h. */
#include "fingerprint.h"

#include <stdint.h>
#include <string.h>
#include <sodium.h>

static int salt_decode(const char *hex, unsigned char salt[32])
{
	size_t n;

	if (!hex || strlen(hex) != 64)
		return -1;
	if (sodium_hex2bin(salt, 32, hex, 64, NULL, &n, NULL) != 0 || n != 32)
		return -1;
	return 0;
}

/* Feed a length-prefixed byte string. */
static void feed(crypto_generichash_state *st, const void *p, size_t len)
{
	unsigned char n[8];
	uint64_t v = len;
	int i;

	for (i = 0; i < 8; i++)
		n[i] = (unsigned char)(v >> (8 * i));
	crypto_generichash_update(st, n, sizeof n);
	crypto_generichash_update(st, p, len);
}

int client_key(const char *salt_hex, const char *remote_addr, unsigned char out[CLIENT_KEY_BYTES])
{
	unsigned char salt[32];
	crypto_generichash_state st;

	if (salt_decode(salt_hex, salt) < 0)
		return -1;
	crypto_generichash_init(&st, salt, sizeof salt, CLIENT_KEY_BYTES);
	feed(&st, "prongsai client", 15);
	feed(&st, remote_addr ? remote_addr : "", remote_addr ? strlen(remote_addr) : 0);
	crypto_generichash_final(&st, out, CLIENT_KEY_BYTES);
	sodium_memzero(salt, sizeof salt);
	return 0;
}

int submission_digest(const char *salt_hex, const unsigned char client[CLIENT_KEY_BYTES],
		      const struct form_def *form, const struct submission *s,
		      unsigned char out[DIGEST_BYTES])
{
	unsigned char salt[32];
	crypto_generichash_state st;
	size_t i;

	if (salt_decode(salt_hex, salt) < 0)
		return -1;
	crypto_generichash_init(&st, salt, sizeof salt, DIGEST_BYTES);
	feed(&st, "prongsai submission", 19);
	feed(&st, form->id, strlen(form->id));
	feed(&st, client, CLIENT_KEY_BYTES);
	for (i = 0; i < s->n_values; i++) {
		const char *name = form->fields[s->values[i].field].name;

		feed(&st, name, strlen(name));
		feed(&st, s->values[i].value, s->values[i].len);
	}
	for (i = 0; i < s->n_files; i++) {
		const char *name = form->fields[s->files[i].field].name;

		feed(&st, name, strlen(name));
		feed(&st, s->files[i].data, s->files[i].len);
	}
	crypto_generichash_final(&st, out, DIGEST_BYTES);
	sodium_memzero(salt, sizeof salt);
	return 0;
}
