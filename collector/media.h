/* media.h: attachments recognised by their bytes, never by their names or
 * the Content-Type a browser guessed; metadata stripped in place.
 *
 * JPEG (ITU T.81 Annex B): every APPn segment except APP0 "JFIF", APP2
 * "ICC_PROFILE" and APP14 "Adobe" is dropped (APP1 is where Exif, its GPS
 * block and XMP live; APP0 "JFXX" carries a thumbnail, which may be a
 * whole JPEG with its own Exif and GPS), the JFIF segment loses its
 * thumbnail, and comments (COM) and anything after EOI go.  A frame header
 * (SOFn, before the first scan) with a width and height of at least 1 and
 * at most MEDIA_MAX_PIXELS pixels is required.  The image data is copied
 * byte for byte; the Exif orientation goes with the Exif block, so a photo
 * may show turned (documented).
 * Then libjpeg-turbo re-encodes the image without any APPn or COM segment
 * (jpeg_recode), so nothing the walk missed survives.
 * PNG (ISO 15948 §5): IHDR first, 13 bytes, width and height 1..2^31-1 and
 * at most MEDIA_MAX_PIXELS pixels; only critical chunks and tRNS gAMA cHRM
 * sRGB iCCP sBIT bKGD pHYs are kept (eXIf, tEXt, zTXt, iTXt, tIME and the
 * rest go), nothing after IEND; then libpng reads the header and every
 * row (png_decodes): a PNG that libpng cannot decode is refused.
 * PDF (ISO 32000-1 §7.5.2): "%PDF-1.d" or "%PDF-2.d" and an end of line
 * first, the end-of-file marker "%%EOF" (§7.5.5) in the last PDF_EDGE
 * bytes, and no HTML tag ("<html", "<script", "<body", "<!doctype",
 * "<head", "<iframe", "<svg", any case) in the first or last PDF_EDGE
 * bytes, where a browser sniffing the type or a reader looking for the
 * trailer would look; stored as sent. */
#ifndef PRONGSAI_MEDIA_H
#define PRONGSAI_MEDIA_H

#include <stddef.h>

enum media_type { MEDIA_NONE = 0, MEDIA_JPEG, MEDIA_PNG, MEDIA_PDF };

#define PDF_EDGE 1024 /* bytes at each end of a PDF that are checked */
#define MEDIA_MAX_PIXELS (64L * 1000 * 1000) /* 64 megapixels: a 48 MP phone photo fits */

/* What the first bytes say the data is; MEDIA_NONE for anything else. */
enum media_type media_sniff(const unsigned char *p, size_t len);

/* "image/jpeg", "image/png", "application/pdf"; NULL for MEDIA_NONE. */
const char *media_type_name(enum media_type t);

/* Strip the metadata of data[0..len) of type t in place (see above).
 * Returns the new length (<= len), or (size_t)-1 if the file's structure is
 * broken (a segment or chunk running past the end, no frame header or
 * image data, too many pixels, not a PDF after all, ...); the buffer is
 * then unspecified.  MEDIA_PDF: returns len. */
size_t media_strip(enum media_type t, unsigned char *data, size_t len);

/* The two strippers media_strip() dispatches to, same contract. */
size_t jpeg_strip(unsigned char *data, size_t len);
size_t png_strip(unsigned char *data, size_t len);
/* After jpeg_strip(): libjpeg-turbo's lossless transform with
 * TJXOPT_COPYNONE (jpegtran -copy none) re-encodes the image data of
 * data[0..len) without any APPn or COM segment, in place.  Returns the new
 * length; len when the re-encoded copy would be larger (the stripped one is
 * kept); (size_t)-1 when libjpeg cannot read the image, or len is. */
size_t jpeg_recode(unsigned char *data, size_t len);
/* After png_strip(): libpng reads the header and every row of data[0..len)
 * (CRCs, zlib, filters), with the pixel cap checked before any row.
 * Returns len, or (size_t)-1 (also when len is). */
size_t png_decodes(const unsigned char *data, size_t len);
/* The PDF checks above: 1 if data[0..len) may be stored as a PDF. */
int pdf_ok(const unsigned char *data, size_t len);

#endif
