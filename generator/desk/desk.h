/* desk/desk.h: the desk stage.
 *
 * What the folder is for: the officer's tools on the command line:
 * `prongsai new` fill-in files, `prongsai inbox` (keygen, list, show,
 * export, purge), `prongsai staff` (accounts of the staff area),
 * `prongsai import` (the staff area's queue into git).  Not part of the
 * build pipeline.
 */
#ifndef PRONGSAI_STAGE_DESK_H
#define PRONGSAI_STAGE_DESK_H

#include "desk/answer.h"
#include "desk/csvout.h"
#include "desk/gitrun.h"
#include "desk/import.h"
#include "desk/import_git.h"
#include "desk/import_queue.h"
#include "desk/inbox.h"
#include "desk/inbox_db.h"
#include "desk/inbox_key.h"
#include "desk/newcmd.h"
#include "desk/staff.h"

#endif
