/* deploy/deploy.h: the deploy stage.
 *
 * What the folder is for: `prongsai deploy`, sending the built site to
 * the place that serves it (shared hosting over SFTP or FTPS, WebDAV,
 * S3-compatible object storage) through libcurl, sending only what
 * changed, in an order that keeps the remote site whole, resumable after
 * an interruption.  Runs after `build` (by hand or from cron/rebuild);
 * reads public/ and never writes it.
 *
 *   deployconf  the 0600 configuration (target, url, credentials)
 *   manifest    path -> size and BLAKE2b hash of a tree, and its text form
 *   plan        local versus remote manifest -> ordered operations
 *   journal     what a run has done, for resuming
 *   transport   the four kinds of target over libcurl
 *   mediatype   Content-Type and cache class by extension
 *   deploycmd   the command: options, the run, progress, messages
 */
#ifndef PRONGSAI_STAGE_DEPLOY_H
#define PRONGSAI_STAGE_DEPLOY_H

#include "deploy/deployconf.h"
#include "deploy/journal.h"
#include "deploy/remote_manifest.h"
#include "deploy/mediatype.h"
#include "deploy/plan.h"
#include "deploy/transport.h"

/* `prongsai deploy` (argv[0] = "deploy"): exit status 0 (done, or nothing
 * to do), 1 (the deploy failed: the message names the target and the
 * file; the remote manifest is still the old one), 2 (usage or
 * configuration error). */
int deploy_main(int argc, char **argv);

#endif
