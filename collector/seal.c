/* seal.c: see seal.h. */
#include "seal.h"

#include <string.h>

/* RFC 3986 §2.3 unreserved */
static int unreserved(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '-' || c == '.' || c == '_' || c == '~';
}

static int add_encoded(struct buf *out, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (unreserved(c)) {
			if (buf_addc(out, (char)c) != BUF_OK)
				return -1;
		} else {
			char e[3] = { '%', hex[c >> 4], hex[c & 15] };

			if (buf_add(out, e, 3) != BUF_OK)
				return -1;
		}
	}
	return 0;
}

int seal_serialize_personal(const struct form_def *form, const struct submission *s, struct buf *out)
{
	size_t i;
	int n = 0;

	for (i = 0; i < s->n_values; i++) {
		const struct form_field *f = &form->fields[s->values[i].field];

		if (!field_sealed(form, f))
			continue;
		if ((n && buf_addc(out, '&') != BUF_OK) || add_encoded(out, f->name, strlen(f->name)) < 0 ||
		    buf_addc(out, '=') != BUF_OK || add_encoded(out, s->values[i].value, s->values[i].len) < 0)
			return -1;
		n++;
	}
	return n;
}

int seal_bytes(const unsigned char *m, size_t len, const unsigned char pk[32], unsigned char *out)
{
	return crypto_box_seal(out, m, len, pk) == 0 ? 0 : -1;
}
