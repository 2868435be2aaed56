/* render/render.h: the render stage.
 *
 * What the folder is for: turning the model into pages: the page plan,
 * views, the template engine, Markdown, SVG charts, QR codes and Thai dates.  Writes
 * only through the publish stage's output handle.
 */
#ifndef PRONGSAI_STAGE_RENDER_H
#define PRONGSAI_STAGE_RENDER_H

#include "render/markdown.h"
#include "render/pages.h"
#include "render/qr.h"
#include "render/svg.h"
#include "render/thaidate.h"
#include "render/tmpl.h"
#include "render/tval.h"

#endif
