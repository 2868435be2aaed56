/* fingerprint.c: see fingerprint.h. */
#include "fingerprint.h"

#include <arpa/inet.h>
#include <stdint.h>
#include <string.h>
#include <sodium.h>

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

size_t client_network(const char *remote_addr, unsigned char out[CLIENT_NET_BYTES])
{
	static const unsigned char mapped[12] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff };
	unsigned char a[16];
	char text[INET6_ADDRSTRLEN + 1];
	size_t n;

	if (!remote_addr)
		return 0;
	n = strcspn(remote_addr, "%"); /* RFC 4007 §11 zone index */
	if (n >= sizeof text)
		return 0;
	memcpy(text, remote_addr, n);
	text[n] = '\0';
	if (inet_pton(AF_INET, text, a) == 1) {
		out[0] = 4;
		memcpy(out + 1, a, 4);
		return 5;
	}
	if (inet_pton(AF_INET6, text, a) != 1)
		return 0;
	if (memcmp(a, mapped, sizeof mapped) == 0) { /* RFC 4291 §2.5.5.2 */
		out[0] = 4;
		memcpy(out + 1, a + 12, 4);
		return 5;
	}
	out[0] = 6;
	memcpy(out + 1, a, 8); /* the /64: RFC 4291 §2.5.4 interface ids are 64 bits */
	return 9;
}

void client_key(const unsigned char key[HOURKEY_BYTES], const char *remote_addr,
		unsigned char out[CLIENT_KEY_BYTES])
{
	unsigned char net[CLIENT_NET_BYTES];
	crypto_generichash_state st;
	size_t n = client_network(remote_addr, net);

	crypto_generichash_init(&st, key, HOURKEY_BYTES, CLIENT_KEY_BYTES);
	feed(&st, "prongsai client", 15);
	feed(&st, net, n);
	crypto_generichash_final(&st, out, CLIENT_KEY_BYTES);
	sodium_memzero(net, sizeof net);
}

int submission_digest(const struct form_def *form, const struct submission *s,
		      unsigned char out[DIGEST_BYTES])
{
	crypto_generichash_state st;
	size_t i;

	if (!s->token[0])
		return 0;
	crypto_generichash_init(&st, NULL, 0, DIGEST_BYTES);
	feed(&st, "prongsai submission", 19);
	feed(&st, form->id, strlen(form->id));
	feed(&st, s->token, strlen(s->token));
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
	return 1;
}
