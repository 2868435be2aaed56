/* media.c: see media.h. */
#include "media.h"

#include <assert.h>
#include <stdint.h>
#include <string.h>

enum media_type media_sniff(const unsigned char *p, size_t len)
{
	static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	if (len >= 3 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return MEDIA_JPEG;
	if (len >= 8 && memcmp(p, png_sig, 8) == 0)
		return MEDIA_PNG;
	if (len >= 5 && memcmp(p, "%PDF-", 5) == 0)
		return MEDIA_PDF;
	return MEDIA_NONE;
}

const char *media_type_name(enum media_type t)
{
	switch (t) {
	case MEDIA_JPEG: return "image/jpeg";
	case MEDIA_PNG: return "image/png";
	case MEDIA_PDF: return "application/pdf";
	case MEDIA_NONE: break;
	}
	return NULL;
}

size_t media_strip(enum media_type t, unsigned char *data, size_t len)
{
	switch (t) {
	case MEDIA_JPEG: return jpeg_strip(data, len);
	case MEDIA_PNG: return png_strip(data, len);
	case MEDIA_PDF: return len;
	case MEDIA_NONE: break;
	}
	return (size_t)-1;
}

/* ---- JPEG ---- */

/* Is the APPn/COM segment with marker m and payload q[0..n) kept? */
static int jpeg_keep(unsigned m, const unsigned char *q, size_t n)
{
	if (m == 0xE0)
		return 1; /* JFIF / JFXX */
	if (m == 0xE2)
		return n >= 12 && memcmp(q, "ICC_PROFILE", 12) == 0;
	if (m == 0xEE)
		return n >= 5 && memcmp(q, "Adobe", 5) == 0;
	return 0; /* APP1 (Exif, XMP), the other APPn, COM */
}

/* Length of the entropy-coded data at d[r..len): up to the 0xFF that starts
 * the next marker (not a stuffed 0xFF00, not RSTn, not a fill byte before a
 * marker), or to len. */
static size_t jpeg_scan_len(const unsigned char *d, size_t r, size_t len)
{
	size_t i = r;

	while (i < len) {
		const unsigned char *ff = memchr(d + i, 0xFF, len - i);

		if (!ff)
			return len - r;
		i = (size_t)(ff - d);
		if (i + 1 >= len)
			return len - r;
		if (d[i + 1] == 0x00 || (d[i + 1] >= 0xD0 && d[i + 1] <= 0xD7)) {
			i += 2;
			continue;
		}
		return i - r; /* a marker, maybe after fill bytes */
	}
	return len - r;
}

size_t jpeg_strip(unsigned char *d, size_t len)
{
	size_t r = 2, w = 2, seglen, n;
	unsigned m;
	int seen_sos = 0;

	if (len < 4 || d[0] != 0xFF || d[1] != 0xD8)
		return (size_t)-1;
	while (r < len) {
		if (d[r] != 0xFF)
			return (size_t)-1;
		while (r < len && d[r] == 0xFF) /* fill bytes (B.1.1.2) */
			r++;
		if (r >= len)
			return (size_t)-1;
		m = d[r++];
		if (m == 0x00 || m == 0xD8)
			return (size_t)-1;
		if (m == 0xD9) { /* EOI: the end, whatever follows is dropped */
			d[w++] = 0xFF;
			d[w++] = 0xD9;
			return seen_sos ? w : (size_t)-1;
		}
		if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) { /* RSTn, TEM: no length */
			d[w++] = 0xFF;
			d[w++] = (unsigned char)m;
			continue;
		}
		if (len - r < 2)
			return (size_t)-1;
		seglen = (size_t)d[r] << 8 | d[r + 1];
		if (seglen < 2 || seglen > len - r)
			return (size_t)-1;
		if ((m >= 0xE0 && m <= 0xEF) || m == 0xFE) {
			if (!jpeg_keep(m, d + r + 2, seglen - 2)) {
				r += seglen;
				continue;
			}
		}
		assert(w + 2 <= r);
		d[w++] = 0xFF;
		d[w++] = (unsigned char)m;
		memmove(d + w, d + r, seglen);
		w += seglen;
		r += seglen;
		if (m == 0xDA) { /* SOS: the entropy-coded data follows */
			seen_sos = 1;
			n = jpeg_scan_len(d, r, len);
			memmove(d + w, d + r, n);
			w += n;
			r += n;
		}
	}
	/* no EOI: accept a file cut inside the image data, as decoders do */
	return seen_sos ? w : (size_t)-1;
}

/* ---- PNG ---- */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static int png_keep(const unsigned char *type)
{
	static const char keep[][5] = {
		"IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT",
		"bKGD", "pHYs",
	};
	size_t i;

	for (i = 0; i < sizeof keep / sizeof keep[0]; i++)
		if (memcmp(type, keep[i], 4) == 0)
			return 1;
	return 0;
}

size_t png_strip(unsigned char *d, size_t len)
{
	size_t r = 8, w = 8, total;
	uint32_t clen;
	int first = 1, seen_idat = 0, i;

	if (media_sniff(d, len) != MEDIA_PNG)
		return (size_t)-1;
	while (r < len) {
		if (len - r < 12)
			return (size_t)-1;
		clen = be32(d + r);
		if (clen > 0x7FFFFFFFu || clen > len - r - 12)
			return (size_t)-1;
		for (i = 4; i < 8; i++) {
			unsigned char c = d[r + (size_t)i];

			if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
				return (size_t)-1;
		}
		if (first && memcmp(d + r + 4, "IHDR", 4) != 0)
			return (size_t)-1;
		first = 0;
		total = 12 + (size_t)clen;
		if (memcmp(d + r + 4, "IDAT", 4) == 0)
			seen_idat = 1;
		if (png_keep(d + r + 4)) {
			memmove(d + w, d + r, total);
			w += total;
			if (memcmp(d + w - total + 4, "IEND", 4) == 0)
				return seen_idat ? w : (size_t)-1;
		} else if (d[r + 4] >= 'A' && d[r + 4] <= 'Z') {
			return (size_t)-1; /* an unknown critical chunk */
		}
		r += total;
	}
	return (size_t)-1; /* no IEND */
}
