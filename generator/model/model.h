/* model.h: the content of an office, as loaded and validated.
 *
 * Folder generator/model/: the content model of one office and its value types
 * (dates and fiscal years, exact decimals, diagnostics, did-you-mean).  Every
 * other stage reads these types; nothing here reads files.
 * Pipeline: load -> check -> derive -> render -> publish, all over the model.
 *
 * Loading fills it (load.c), validation cross-checks it (validate.c),
 * derivation computes the figures (derive.c), rendering only reads it.
 * All strings and arrays live in the model's arenas and die with model_free().
 * Money is int64_t satang; percentages are int64_t hundredths (45.5% = 4550).
 * Arrays are sorted (projects by id, reports by date, news by date desc) so
 * that everything derived from them is deterministic. */
#ifndef PRONGSAI_MODEL_H
#define PRONGSAI_MODEL_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"
#include "model/dates.h"
#include "formdef.h"
#include "render/thaidate.h"

#define MODEL_MAX_FILES 500000    /* files under content/ */
#define MODEL_MAX_MANUAL 20       /* parts of the user manual (--manual) */
#define MODEL_MAX_MANUAL_SHOTS 400 /* screenshots the manual shows */
#define MODEL_MAX_FILE_SIZE (1024 * 1024)
#define MODEL_MAX_YAML_SIZE (512 * 1024)
#define MODEL_MAX_ID 64
#define MODEL_MAX_LIST 1000       /* items in any list field */
#define MODEL_MAX_FISCAL_YEARS 20

struct named {            /* district, group, dimension */
	const char *id, *name, *name_en;
};

struct link {
	const char *label, *url;
};

struct disb_target {
	int fiscal_year;
	int64_t overall[4], recurrent[4], capital[4]; /* cumulative %, hundredths */
	int has_recurrent, has_capital;
};

enum rollup_method { ROLLUP_BUDGET, ROLLUP_WEIGHT };

struct site {
	int sample;
	const char *name, *name_en, *parent, *parent_en;
	const char *address, *address_en, *phone, *email;
	struct link *social;
	size_t n_social;
	const char *base_url;     /* ends with '/' */
	const char *collector;    /* path relative to the site root */
	const char *license_name, *license_name_en, *license_url;
	int fiscal_years[MODEL_MAX_FISCAL_YEARS];
	size_t n_fiscal_years;    /* ascending */
	enum digit_style digits;
	int64_t behind, seriously_behind; /* hundredths of a percentage point */
	enum rollup_method rollup;
	int report_due_day;       /* 1..28, 0 = not given (5) */
	struct named *districts, *groups, *dimensions;
	size_t n_districts, n_groups, n_dimensions;
	struct disb_target *targets;
	size_t n_targets;
	const char *public_key;   /* base64, or NULL */
	/* collector_settings, as struct db_settings takes them (db.h): 0 =
	 * the default, negative = no limit / off */
	int rate_limit_per_hour, repeat_window_s, busy_timeout_ms;
	const char *thanks_base;  /* NULL: derived from SCRIPT_NAME */
};

/* Roles in the staff area (people.yaml roles:, names in schema.h
 * role_names): an officer reports on the projects they own or are on the
 * team of; a group director on their group's; an admin on all. */
enum role_bit {
	ROLE_OFFICER = 1u << 0,
	ROLE_GROUP_DIRECTOR = 1u << 1,
	ROLE_ADMIN = 1u << 2,
	ROLE_COMPLAINT_OFFICER = 1u << 3,
	ROLE_CORRUPTION_OFFICER = 1u << 4
};

struct person {
	const char *id, *name, *name_en, *position, *position_en;
	const char *group, *district, *photo, *phone, *email;
	int executive;
	unsigned roles;           /* ROLE_* bits: the staff area (people.yaml roles:) */
	int line;
};

struct plan_point {
	int year, month;          /* CE */
	pdate month_end;
	int64_t percent;          /* -1 when not given */
	int64_t disbursed;        /* -1 when not given */
};

struct kpi {
	const char *id, *name, *unit;
	int64_t target;           /* hundredths */
};

struct photo {
	const char *src, *alt;
};

struct kpi_actual {
	const char *kpi;
	int64_t value;            /* hundredths */
	int line, col;
};

enum project_status {
	ST_NOT_STARTED, ST_ON_TRACK, ST_BEHIND, ST_SERIOUSLY_BEHIND,
	ST_COMPLETED, ST_CANCELLED, ST_SUSPENDED, ST__COUNT
};

enum budget_category { CAT_RECURRENT, CAT_CAPITAL };

struct project;

struct report {
	const char *path;         /* relative to content/ */
	const char *project_id;   /* from the folder name */
	int fiscal_year;          /* from the folder name */
	pdate date;
	const char *reporter;
	int64_t percent, disbursed;
	struct kpi_actual *kpis;
	size_t n_kpis;
	const char *narrative, *problems, *suggestions;
	const char *correction;   /* why a cumulative figure went down, or NULL */
	struct photo *photos;
	size_t n_photos;
	struct project *project;  /* set by validation */
	int line_percent, line_disbursed, line_date, line_reporter;
};

struct figures {
	int64_t planned_pct;      /* to the as-of date */
	int64_t planned_baht;
	int64_t actual_pct;       /* latest report, 0 without */
	int64_t disbursed;
	int64_t disb_rate;        /* disbursed / allocated, hundredths of % */
	int64_t gap;              /* planned - actual, percentage points x100 */
	int plan_linear;          /* no plan: linear over the period */
	int has_report;
	pdate last_report;
	enum project_status status;
};

struct project {
	const char *path;
	const char *id, *title, *title_en;
	int fiscal_year;
	const char *group, *owner;
	const char **team;
	size_t n_team;
	const char **districts;
	size_t n_districts;
	const char *dimension, *strategy;
	pdate start, end;
	int64_t allocated;
	const char *budget_source;
	enum budget_category category;
	struct plan_point *plan;
	size_t n_plan;
	struct kpi *kpis;
	size_t n_kpis;
	int64_t weight;           /* hundredths; 0 = not given */
	enum project_status status_override; /* ST_CANCELLED/ST_SUSPENDED or ST__COUNT */
	const char *status_reason;
	const char *body;         /* Markdown */
	struct report **reports;  /* ascending by date */
	size_t n_reports;
	struct figures fig;
	int line_id, line_allocated, line_start;
	int line_group, line_owner, line_team, line_districts, line_dimension;
};

struct news {
	const char *path, *slug, *title, *title_en, *summary, *image, *body;
	pdate date;
};

struct page {
	const char *path, *slug, *title, *title_en, *summary, *body;
	int menu;                 /* position, or -1 */
};

struct media {
	const char *path;         /* "media/..." relative to content/ */
};


/* ITA/OIT: content/oit/<year>.yaml maps each O-item to the evidence that
 * answers it (see docs/oit.md). */
enum oit_fy_rule { OIT_FY_ANY, OIT_FY_CURRENT, OIT_FY_PREVIOUS };
/* months of the required fiscal year the evidence must cover: none, Oct-Mar, all 12 */
enum oit_period { OIT_PERIOD_NONE, OIT_PERIOD_FIRST_HALF, OIT_PERIOD_FULL_YEAR };

struct oit_link {
	const char *label;        /* NULL: show the address */
	const char *contains;     /* what this evidence shows, or NULL */
	const char *href;         /* a path under the site root, or http(s)://... */
	int internal;             /* href is a site path */
	pdate date;               /* given in the file; 0 with has_date 0 */
	int has_date;
	int line, col;
};

struct oit_item {
	const char *code, *title, *title_en, *asks, *asks_en;
	enum oit_fy_rule fy_rule;
	enum oit_period period;
	struct oit_link *links;
	size_t n_links;
	int line;
};

struct oit_year {
	const char *path;
	int year;                 /* assessment year, BE (from the file name) */
	int provisional;
	const char *note, *note_en;
	const char *main_site;    /* the office's main website (https://...), or NULL */
	const char **sources;     /* where the item list comes from */
	size_t n_sources;
	struct oit_item *items;
	size_t n_items;
};

/* Procurement (content/procurement/<FY>/<name>.yaml, a list of records). */
struct proc_bid {
	const char *name;
	int64_t price;            /* satang */
};

struct proc_record {
	const char *path;
	int line;
	int fiscal_year;          /* from the folder */
	const char *item, *method, *winner, *reason, *contract;
	const char *egp_no, *budget_source; /* e-GP project number, source of funds; or NULL */
	int64_t budget, price;    /* satang: the ceiling (วงเงินที่จะซื้อหรือจ้าง) and the agreed price */
	int64_t reference_price;  /* satang: ราคากลาง, when has_reference_price */
	int has_reference_price;
	pdate date;
	struct proc_bid *bids;
	size_t n_bids;
};

/* A month the office recorded as having no procurement (no_procurement:). */
struct proc_none {
	int fiscal_year, month;   /* BE fiscal year, CE month 1..12 */
};

struct proc_file {
	struct proc_record *recs;
	size_t n;
	struct proc_none *none;
	size_t n_none;
};


/* OIT O19: a participation activity, content/participation/<FY>/<slug>.md
 * (front matter, then an optional Markdown account).  Its four parts are
 * required: topic, participants, outcome and changes. */
struct part_group {
	const char *group;        /* who: ผู้นำชุมชน, ประชาชน, หน่วยงานภาคี ... */
	int count;                /* how many, >= 1 */
};

struct idref {
	const char *id;
	int line, col;
};

struct participation {
	const char *path, *slug;
	int fiscal_year;          /* from the folder */
	const char *topic, *topic_en;
	pdate date;
	const char *format;       /* an id of part_format_v (schema.h) */
	const char *district, *place; /* a district id of site.yaml, or NULL; free text, or NULL */
	struct part_group *groups;
	size_t n_groups;
	int total;                /* the sum of the groups' counts */
	const char *outcome;      /* what came out */
	const char *changes;      /* what the office changed or did as a result */
	struct link *links;       /* minutes, photos, news, media */
	size_t n_links;
	struct idref *projects;   /* the projects concerned */
	size_t n_projects;
	const char *body;         /* Markdown, may be "" */
	int line_date, col_date, line_district, col_district;
	int line_links;           /* the links: key, for media that is missing */
};

/* OIT O9: a service guide for the public, content/services/<slug>.yaml.
 * fee 0 is shown as "ไม่มีค่าธรรมเนียม", no documents as "ไม่ต้องใช้เอกสาร". */
struct service {
	const char *path, *slug;
	const char *name, *name_en, *who, *unit, *time, *fee_note;
	int order;                /* position on the page; 0 = after the numbered ones */
	int64_t fee;              /* satang */
	const char **steps, **channels, **documents;
	size_t n_steps, n_channels, n_documents;
	pdate updated;            /* 0 when not given */
};

/* OIT O3: a question and the office's answer as published for everyone,
 * content/questions/<slug>.yaml (written by the office in its own words:
 * never the asker's name, contact or other personal data). */
struct question {
	const char *path, *slug;
	const char *question, *question_en, *answer, *answer_en, *by;
	pdate asked, answered;
};

/* OIT O16: the corruption-complaint guideline, content/corruption-guideline.yaml. */
struct guide_step {
	const char *step, *time, *by; /* what is done, within how long, by whom (or NULL) */
};

struct guideline {
	const char *path;
	const char *title, *scope, *how_to_report, *responsible, *contact, *protection;
	struct guide_step *steps;
	size_t n_steps;
	const char **channels;
	size_t n_channels;
	pdate updated;            /* 0 when not given */
};

/* Complaints and surveys (issue 4).  content/complaints/<CODE>.yaml is the
 * public side of a case (complaints.h); submissions come from the
 * collector's database, read-only, non-personal fields only (submissions.h),
 * or from content/sample-submissions.yaml on a sample site. */
enum case_status {
	CS_RECEIVED, CS_UNDER_REVIEW, CS_FORWARDED, CS_IN_PROGRESS, CS_RESOLVED, CS_REJECTED,
	CS__COUNT
};

struct case_event {
	pdate date;
	enum case_status status;
	const char *note, *note_en; /* public notes */
	const char *reason;       /* required for resolved and rejected */
	int line, col;
};

#define COMPLAINT_NOTE_MAX 2000   /* code points per note, reason */
#define COMPLAINT_SUMMARY_MAX 4000

struct complaint_resp {
	const char *path;         /* "complaints/<CODE>.yaml" */
	const char *code;         /* canonical tracking code */
	const char *category;     /* overrides the submission's; NULL = keep */
	struct case_event *history; /* in file order (checked non-decreasing) */
	size_t n_history;
	const char *summary, *summary_en; /* staff-written */
	int publish_summary;
	int line_category;
};

#define SUB_MAX_SCALE 32          /* scale questions kept per submission */

struct submission {
	const char *form_id;
	const struct form_def *form; /* the model's form, NULL when gone */
	enum form_kind kind;
	enum form_channel channel;
	const char *code;         /* complaints: canonical code; NULL otherwise */
	pdate created;            /* date in Thailand (UTC+7) */
	const char *category, *district, *project; /* checked values, or NULL */
	const char *respondent;   /* surveys: the respondent type (formdef.h), or NULL */
	unsigned char levels[SUB_MAX_SCALE]; /* per scale question of the form, 0 = none, 1..5 */
	int sample;               /* from content/sample-submissions.yaml */
};

/* Survey answers as the database's counts them (submissions.c aggregates
 * them in SQL, so that their number costs the build nothing): how many
 * responses of a form in a fiscal year (q = -1), or how many answered scale
 * question q (its index among the form's scale questions) with level
 * 1..5, per project named (NULL: none or not a project) and respondent type
 * (NULL: none, or the form has no respondent field).  Checked against
 * the model's form, like every submission. */
struct survey_count {
	const struct form_def *form;
	int fiscal_year;
	pdate month;              /* the first day of the month in Thailand */
	const char *project;      /* a project id of the model, or NULL */
	const char *respondent;   /* a choice of the form's respondent field, or NULL */
	int q;                    /* -1: responses; else 0..SUB_MAX_SCALE-1 */
	int level;                /* 1..5 (q >= 0) */
	size_t n;
};

/* Case-tracking lookups per month in Thailand, as the collector counts
 * them (db_count_lookup) or the sample says (OIT O10). */
struct lookup_count {
	pdate month;              /* its first day */
	size_t n;
	int line, col;            /* sample only: where it is written */
};

/* content/sample-submissions.yaml, as written (checked against the forms
 * after loading, see submissions.h). */
struct sample_value {
	const char *name, *value;
	int line, col;
};

struct sample_sub {
	const char *form, *code;
	pdate date;
	struct sample_value *values;
	size_t n_values;
	int line, col, line_code, col_code;
};

#define MODEL_MAX_JOBS 16

/* A content file as it was read: its path relative to content/ and the
 * BLAKE2b-256 of its bytes.  What a page is made from (render/inputs.h). */
#define SOURCE_HASH_BYTES 32
struct source_digest {
	const char *rel;
	unsigned char hash[SOURCE_HASH_BYTES];
};

struct model {
	struct arena arena;
	struct arena worker[MODEL_MAX_JOBS]; /* per loading thread */
	const char *root;         /* content directory */
	pdate today;              /* as-of date for every figure */
	struct site site;
	struct person *people;    /* as listed in people.yaml */
	size_t n_people;
	const struct person **people_by_id; /* sorted, for lookups (model_index) */
	struct project **projects; /* by id */
	size_t n_projects;
	struct report **reports;  /* by project id, then date */
	size_t n_reports;
	struct news **news;       /* newest first */
	size_t n_news;
	struct page **pages;      /* by menu, then slug */
	size_t n_pages;
	struct form_def *forms;   /* by id */
	size_t n_forms;
	struct media *media;      /* by path */
	size_t n_media;
	const char **project_files; /* "<fy>/<id>" of every project file, loaded or not, sorted */
	size_t n_project_files;
	struct source_digest *sources; /* every content file read (not media), by rel */
	size_t n_sources;
	struct oit_year **oit;    /* by assessment year */
	size_t n_oit;
	struct proc_record *procurement; /* by fiscal year, date, path, line */
	size_t n_procurement;
	struct proc_none *proc_none; /* months recorded as without procurement */
	size_t n_proc_none;
	pdate *holidays;          /* public holidays (content/holidays/), ascending */
	size_t n_holidays;
	struct participation **participation; /* by fiscal year, date, slug */
	size_t n_participation;
	struct service **services; /* by order (0 last), then slug */
	size_t n_services;
	struct guideline *guideline; /* content/corruption-guideline.yaml, or NULL */
	struct question **questions; /* newest answer first, then slug */
	size_t n_questions;
	struct complaint_resp **responses; /* by code */
	size_t n_responses;
	struct sample_sub *sample_subs; /* as in the file */
	size_t n_sample_subs;
	const char *sample_subs_path; /* NULL when there is no such file */
	struct submission *subs;  /* by date, then code; read by submissions.c
	                           * (from a database: the complaints only) */
	size_t n_subs;
	struct lookup_count *lookups; /* tracking lookups by month (database, then sample) */
	size_t n_lookups;
	struct lookup_count *sample_lookups; /* sample-submissions.yaml lookups:, as written */
	size_t n_sample_lookups;
	struct survey_count *survey_counts; /* the database's surveys, counted */
	size_t n_survey_counts;
	int subs_from_db;         /* a database was read */
	int64_t subs_through;     /* the highest submission id in the snapshot read (0: none) */
	int subs_sample;          /* sample submissions were merged */
	/* the user manual (build --manual DIR, load/manual.h): its parts, by
	 * menu then slug; the screenshots it shows (names under the media
	 * folder's shots/, each once) and whether that folder has manual.pdf */
	struct page **manual;
	size_t n_manual;
	const char **manual_shots;
	size_t n_manual_shots;
	const char *manual_media; /* --manual-media DIR, or NULL */
	int manual_pdf;
};

void model_init(struct model *m);
/* Build the lookup indexes after loading (people by id). */
void model_index(struct model *m);
void model_free(struct model *m);

/* Lookups by id (binary search on the sorted arrays, linear for site lists);
 * NULL when absent. */
struct project *model_project(const struct model *m, const char *id);
const struct source_digest *model_source(const struct model *m, const char *rel);
const struct person *model_person(const struct model *m, const char *id);
const struct named *model_district(const struct model *m, const char *id);
const struct named *model_group(const struct model *m, const char *id);
const struct named *model_dimension(const struct model *m, const char *id);
const struct disb_target *model_target(const struct model *m, int fy);
/* The form with this id (NULL id: none); forms are few, searched in order. */
const struct form_def *model_form(const struct model *m, const char *id);

const char *status_name(enum project_status s);   /* "on-track", ... (URL slug) */
const char *status_label_th(enum project_status s);
const char *status_label_en(enum project_status s);

#endif
