/* media.c: see media.h. */
#include "media.h"

#include <assert.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <png.h>
#include <turbojpeg.h>

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
	case MEDIA_JPEG: return jpeg_recode(data, jpeg_strip(data, len));
	case MEDIA_PNG: return png_decodes(data, png_strip(data, len));
	case MEDIA_PDF: return pdf_ok(data, len) ? len : (size_t)-1;
	case MEDIA_NONE: break;
	}
	return (size_t)-1;
}

/* ---- PDF ---- */

/* Does needle (lower case) occur in p[0..n), ignoring ASCII case? */
static int has_ci(const unsigned char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle), i, j;

	for (i = 0; i + k <= n; i++) {
		for (j = 0; j < k; j++) {
			unsigned char c = p[i + j];

			if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != (unsigned char)needle[j])
				break;
		}
		if (j == k)
			return 1;
	}
	return 0;
}

int pdf_ok(const unsigned char *d, size_t len)
{
	static const char *const html[] = { "<html", "<script", "<body", "<!doctype", "<head", "<iframe", "<svg" };
	size_t edge = len < PDF_EDGE ? len : PDF_EDGE, i;
	const unsigned char *tail = d + len - edge;

	/* "%PDF-1.7" then an end of line (ISO 32000-1 §7.5.2) */
	if (len < 9 || memcmp(d, "%PDF-", 5) != 0 || !(d[5] >= '1' && d[5] <= '2') || d[6] != '.' ||
	    !(d[7] >= '0' && d[7] <= '9') || (d[8] != '\r' && d[8] != '\n'))
		return 0;
	/* the trailer's end-of-file marker (§7.5.5), where readers look for it */
	if (!has_ci(tail, edge, "%%eof"))
		return 0;
	for (i = 0; i < sizeof html / sizeof html[0]; i++)
		if (has_ci(d, edge, html[i]) || has_ci(tail, edge, html[i]))
			return 0;
	return 1;
}

/* ---- JPEG ---- */

/* Is the APPn/COM segment with marker m and payload q[0..n) kept? */
static int jpeg_keep(unsigned m, const unsigned char *q, size_t n)
{
	if (m == 0xE0) /* JFIF (its thumbnail is cut by the caller); not JFXX */
		return n >= 14 && memcmp(q, "JFIF", 5) == 0;
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
	int seen_sos = 0, seen_sof = 0;

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
		/* SOFn (T.81 B.2.2: not DHT C4, JPG C8, DAC CC): P Y X Nf */
		if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
			unsigned long y, x;

			if (seglen < 8 || seen_sos)
				return (size_t)-1;
			y = (unsigned long)d[r + 3] << 8 | d[r + 4];
			x = (unsigned long)d[r + 5] << 8 | d[r + 6];
			/* Y = 0 (height from a later DNL) is legal but rare: refused */
			if (x == 0 || y == 0 || x * y > (unsigned long)MEDIA_MAX_PIXELS)
				return (size_t)-1;
			seen_sof = 1;
		}
		if (m == 0xDA && !seen_sof)
			return (size_t)-1; /* a scan without a frame */
		assert(w + 2 <= r);
		d[w++] = 0xFF;
		d[w++] = (unsigned char)m;
		memmove(d + w, d + r, seglen);
		if (m == 0xE0 && seglen > 16) { /* JFIF: drop the thumbnail (Xthumb, Ythumb = 0) */
			d[w] = 0;
			d[w + 1] = 16;
			d[w + 14] = 0;
			d[w + 15] = 0;
			w += 16;
			r += seglen;
			continue;
		}
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

size_t jpeg_recode(unsigned char *d, size_t len)
{
	tjhandle h;
	tjtransform xf;
	unsigned char *out = NULL;
	unsigned long outlen = 0;
	size_t r = (size_t)-1;

	if (len == (size_t)-1 || !(h = tjInitTransform()))
		return (size_t)-1;
	memset(&xf, 0, sizeof xf);
	xf.op = TJXOP_NONE;
	xf.options = TJXOPT_COPYNONE; /* jpegtran -copy none: no APPn, no COM */
	if (tjTransform(h, d, (unsigned long)len, 1, &out, &outlen, &xf, 0) == 0) {
		if (outlen <= len) {
			memcpy(d, out, outlen);
			r = outlen;
		} else {
			r = len; /* larger re-encoded: the strictly stripped copy */
		}
	}
	tjFree(out);
	tjDestroy(h);
	return r;
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
		if (first) { /* IHDR (ISO 15948 §11.2.2): width, height 1..2^31-1 */
			uint32_t x, y;

			if (memcmp(d + r + 4, "IHDR", 4) != 0 || clen != 13)
				return (size_t)-1;
			x = be32(d + r + 8);
			y = be32(d + r + 12);
			if (x == 0 || y == 0 || x > 0x7FFFFFFFu || y > 0x7FFFFFFFu ||
			    (unsigned long long)x * y > (unsigned long long)MEDIA_MAX_PIXELS)
				return (size_t)-1;
		}
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

/* libpng reads from memory; its errors jump back to png_decodes(). */
struct png_mem {
	const unsigned char *d;
	size_t len, pos;
	jmp_buf jb;
};

static void png_mem_read(png_structp p, png_bytep out, size_t n)
{
	struct png_mem *m = png_get_io_ptr(p);

	if (n > m->len - m->pos)
		png_error(p, "cut short");
	memcpy(out, m->d + m->pos, n);
	m->pos += n;
}

static void png_on_error(png_structp p, png_const_charp msg)
{
	struct png_mem *m = png_get_error_ptr(p);

	(void)msg; /* nothing is printed: the sandbox has no stderr to spare */
	longjmp(m->jb, 1);
}

static void png_on_warning(png_structp p, png_const_charp msg)
{
	(void)p;
	(void)msg;
}

size_t png_decodes(const unsigned char *d, size_t len)
{
	struct png_mem m = { d, len, 0 };
	png_structp p;
	png_infop info = NULL;
	png_bytep volatile row = NULL;
	volatile size_t r = (size_t)-1;

	if (len == (size_t)-1)
		return len;
	p = png_create_read_struct(PNG_LIBPNG_VER_STRING, &m, png_on_error, png_on_warning);
	if (!p)
		return (size_t)-1;
	if (setjmp(m.jb) == 0) {
		png_uint_32 w, h, y;
		int passes;

		info = png_create_info_struct(p);
		if (!info)
			png_error(p, "no memory");
		png_set_read_fn(p, &m, png_mem_read);
		/* the pixel cap before anything is inflated */
		png_set_user_limits(p, 0x7FFFFFFFu, 0x7FFFFFFFu);
		png_read_info(p, info);
		w = png_get_image_width(p, info);
		h = png_get_image_height(p, info);
		if (w == 0 || h == 0 || (unsigned long long)w * h > (unsigned long long)MEDIA_MAX_PIXELS)
			png_error(p, "too many pixels");
		passes = png_set_interlace_handling(p);
		png_read_update_info(p, info);
		row = malloc(png_get_rowbytes(p, info));
		if (!row)
			png_error(p, "no memory");
		while (passes-- > 0) /* every row, one at a time: CRCs and zlib checked */
			for (y = 0; y < h; y++)
				png_read_row(p, row, NULL);
		png_read_end(p, NULL);
		r = len;
	}
	free(row);
	png_destroy_read_struct(&p, info ? &info : NULL, NULL);
	return r;
}
