/* schema.h: one description of every record type's fields.
 *
 * Each record type (site, person, project, report, news, page, form,
 * complaint response, procurement, OIT, participation, service guide,
 * corruption-complaint guideline) is one table of fields: name, type,
 * required or not, caps, allowed values, Thai and English help, and where a
 * loaded value goes in the model.  The tables drive the loader's generic
 * reader (load/fields.h), its unknown-field and did-you-mean check,
 * `prongsai new`'s fill-in templates, and are checked against the field
 * tables of docs/content-format.md by tests/unit/test_schema.c.
 * Pure data: nothing here reads files or reports. */
#ifndef PRONGSAI_SCHEMA_H
#define PRONGSAI_SCHEMA_H

#include <stddef.h>

/* Buddhist-era years accepted anywhere (fiscal years, OIT years, folders). */
#define YEAR_BE_MIN 2500
#define YEAR_BE_MAX 2700
/* 1 if y is within YEAR_BE_MIN..YEAR_BE_MAX. */
int year_be_ok(long y);

#define SCHEMA_MAX_FIELDS 32 /* fields of one record type or nested map */

enum sf_type {
	SF_TEXT,      /* text; max = cap in code points (0: the loader's) */
	SF_ID,        /* [a-z0-9][a-z0-9-]{0,63} */
	SF_INT,       /* whole number min..max, stored as int */
	SF_YEAR,      /* BE year YEAR_BE_MIN..YEAR_BE_MAX, stored as int */
	SF_BOOL,      /* true/false, stored as int */
	SF_MONEY,     /* baht, stored as int64_t satang */
	SF_PERCENT,   /* 0..100, stored as int64_t hundredths */
	SF_DECIMAL,   /* non-negative, stored as int64_t hundredths */
	SF_DATE,      /* YYYY-MM-DD (CE or BE), stored as pdate */
	SF_URL,       /* http(s)://host/... or a site-relative path */
	SF_ENUM,      /* one of values[] */
	SF_LIST,      /* a list; sub: each item's fields (NULL: scalars) */
	SF_MAP        /* a mapping; sub: its fields */
};

enum sf_flags {
	SF_REQ = 1,        /* must be given */
	SF_MANUAL = 2,     /* the loader reads it itself (off unused) */
	SF_DOC_EXPAND = 4, /* SF_MAP: documented as parent.child rows */
	SF_DOC_NONE = 8    /* not a row of the documentation's field table */
};

struct schema;

struct sfield {
	const char *name;
	enum sf_type type;
	unsigned flags;
	long min, max;                 /* SF_INT range; SF_TEXT cap */
	const char *const *values;     /* SF_ENUM: NULL-terminated */
	const struct schema *sub;      /* SF_MAP, SF_LIST of mappings */
	size_t off;                    /* where the value goes (not SF_MANUAL) */
	const char *help_th, *help_en;
	const char *fill;              /* `prongsai new` placeholder, or NULL */
};

struct schema {
	const char *name;              /* "project", "project.period", ... */
	const struct sfield *fields;
	size_t n;
	const char *doc_section;       /* "## 6." : its heading in content-format.md, or NULL */
};

extern const struct schema schema_site, schema_person, schema_people, schema_project,
	schema_report, schema_news, schema_page, schema_form, schema_form_field,
	schema_complaint, schema_case_event, schema_procurement, schema_proc_record, schema_oit,
	schema_oit_item, schema_holidays, schema_holiday, schema_named, schema_participation,
	schema_service, schema_guideline, schema_question;

/* Participation formats (ids, NULL-terminated) and their Thai and English
 * labels, index for index. */
extern const char *const part_format_v[], *const part_format_th[], *const part_format_en[];

/* The roles of the staff area (people.yaml roles:), NULL-terminated, in
 * the order of the ROLE_* bits of model.h. */
extern const char *const role_names[];

/* Every top-level record type, NULL-terminated (for docs and tests). */
extern const struct schema *const schema_all[];

/* The field called name in s, or NULL. */
const struct sfield *schema_field(const struct schema *s, const char *name);

/* Fill names (NULL-terminated, at most SCHEMA_MAX_FIELDS + 1 slots) with
 * s's field names, in table order.  Returns their count. */
size_t schema_names(const struct schema *s, const char *names[SCHEMA_MAX_FIELDS + 1]);

/* The index of v in f->values, or -1. */
int schema_enum_index(const struct sfield *f, const char *v);

#endif
