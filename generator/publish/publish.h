/* publish/publish.h: the publish stage.
 *
 * What the folder is for: writing the site: the staging folder and its
 * atomic swap, open data, feeds, the sitemap and the search index.  Nothing
 * is visible outside the staging folder until output_commit() succeeds.
 */
#ifndef PRONGSAI_STAGE_PUBLISH_H
#define PRONGSAI_STAGE_PUBLISH_H

#include "publish/assets.h"
#include "publish/feeds.h"
#include "publish/fsutil.h"
#include "publish/opendata.h"
#include "publish/output.h"
#include "publish/search.h"
#include "publish/sitewrite.h"
#include "publish/textout.h"

#endif
