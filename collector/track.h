/* track.h: GET <script>/track?code=CODE, the tracking lookup for browsers
 * without JavaScript (the static page track/index.html submits to it). */
#ifndef PRONGSAI_TRACK_H
#define PRONGSAI_TRACK_H

#include <stddef.h>
#include "trackcode.h"

#define TRACK_QUERY_MAX 512 /* bytes of QUERY_STRING looked at */
#define TRACK_CODE_INPUT_MAX 64 /* bytes of the decoded code (spaces allowed) */
/* The tracking page's form sends this parameter: such a request is a
 * person's lookup, counted per month (db_count_lookup); the 303 after a
 * submission leads to /track without it. */
#define TRACK_LOOKUP_PARAM "lookup=1"
#define TRACK_COUNT_BUSY_MS 250 /* at most this long waiting to count one */

/* Find the first "code" parameter in query (application/x-www-form-
 * urlencoded, RFC 3986 §2.1 percent-encoding, '+' for space), decode it and
 * normalise it with trackcode_normalize().  Returns 0 and the canonical code
 * in out, or -1 (out untouched) if query is NULL, longer than
 * TRACK_QUERY_MAX, has no code, bad percent-encoding, or a code that is not
 * a valid tracking code. */
int track_code_from_query(const char *query, char out[TRACKCODE_SIZE]);

/* 1 if query (at most TRACK_QUERY_MAX bytes looked at) holds the parameter
 * param exactly ("repeat=1"), else 0 (also for NULL). */
int track_query_has(const char *query, const char *param);

#endif
