/* fields.h: the generic, table-driven reader of a record's fields.
 *
 * Reads a YAML mapping into a model struct as its schema (model/schema.h)
 * describes: unknown keys first (with did-you-mean), then every field that
 * is not SF_MANUAL, typed by the ycheck getters, stored at its offset.
 * Nested SF_MAP fields that are not SF_MANUAL are read into the same struct
 * (their fields' offsets are in it).  Problems are reported where they are;
 * a field that is absent or wrong leaves its slot as it was (text and id
 * slots are set to NULL). */
#ifndef PRONGSAI_FIELDS_H
#define PRONGSAI_FIELDS_H

#include "model/schema.h"
#include "load/ycheck.h"

/* Check map's keys against s (unknown field, did you mean).  Returns the
 * number of unknown keys. */
int fields_check_keys(struct yctx *c, const struct schema *s, const struct ynode *map);

/* Check keys and read the non-manual fields of map into out.  Returns the
 * number of required fields (counted through nested maps) that were absent
 * or wrong: 0 means every required field was read. */
int fields_read(struct yctx *c, const struct schema *s, const struct ynode *map, void *out);

/* Read one field of map as f describes, into out (f's offset), as
 * fields_read() would, even when f is SF_MANUAL.  Returns 1 when read, 0
 * when absent, -1 when wrong. */
int fields_read_one(struct yctx *c, const struct sfield *f, const struct ynode *map, void *out);

/* 1 (and an error "not filled in yet" at n) when n is the scalar f->fill,
 * the placeholder `prongsai new` wrote; else 0. */
int fields_unfilled(struct yctx *c, const struct sfield *f, const struct ynode *n);

/* An SF_ENUM field: its index in f->values, -1 when absent, -2 when the
 * value is not allowed (reported "<name> must be a, b or c"). */
int fields_enum(struct yctx *c, const struct sfield *f, const struct ynode *map);

#endif
