/* mediatype.h: the Content-Type and the cache class of a site file, by its
 * extension (case-insensitive), for the targets that store them (WebDAV's
 * PUT, S3's objects).  A fixed table of the types the site writes; anything
 * else is application/octet-stream.
 */
#ifndef PRONGSAI_DEPLOY_MEDIATYPE_H
#define PRONGSAI_DEPLOY_MEDIATYPE_H

/* The Content-Type for path, e.g. "text/html; charset=utf-8". */
const char *mediatype_of(const char *path);

/* 1 if path gets the pages' Cache-Control (HTML, XML, JSON, feeds, text and
 * the manifest: what changes with each build under the same name), 0 for
 * an asset. */
int mediatype_is_page(const char *path);

#endif
