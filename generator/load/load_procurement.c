/* load_procurement.c: content/procurement/<FY>/<name>.yaml records. */
#include "load/load_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive/procure.h"
#include "load/fields.h"

/* no_procurement: [2025-12, 2026-01]: months (CE or BE year) of the
 * folder's fiscal year in which the office bought nothing. */
static void load_no_procurement(struct yctx *c, const char *rel, const struct ynode *seq, int fy,
	struct proc_file *pf)
{
	size_t i;

	pf->none = arena_alloc(c->a, (seq->n + 1) * sizeof(*pf->none));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *n = seq->items[i];
		char day[16];
		pdate t;
		int y, mo, d;
		if (n->kind != YN_SCALAR || n->len != 7 ||
			(snprintf(day, sizeof day, "%s-01", n->s), date_parse(day, &t, NULL) != DATE_OK)) {
			diag_error(c->d, yloc(rel, n), "no_procurement ต้องเป็นรายการเดือนแบบ ปปปป-ดด เช่น [2025-12, 2026-01]",
				"no_procurement must list months as YYYY-MM, such as [2025-12, 2026-01]");
			continue;
		}
		if (date_fiscal_year(t) != fy) {
			diag_error(c->d, yloc(rel, n), "เดือน %s อยู่นอกปีงบประมาณ %d ของโฟลเดอร์ procurement/%d/",
				"the month %s is outside fiscal year %d of the folder procurement/%d/", n->s, fy, fy);
			continue;
		}
		date_to_ymd(t, &y, &mo, &d);
		pf->none[pf->n_none].fiscal_year = fy;
		pf->none[pf->n_none++].month = mo;
	}
}

struct proc_file *load_procurement(struct loader *ld, const char *rel, const struct ynode *root)
{
	struct yctx *c = &ld->c;
	const char *fys = component(c->a, rel, 1);
	const struct ynode *seq, *bs, *none;
	struct proc_file *pf;
	size_t i, j;
	int fy;

	if (!(fy = be_year_name(fys))) {
		diag_error(c->d, file_loc(rel), "โฟลเดอร์ procurement/%s/ ต้องเป็นปีงบประมาณ เช่น 2569",
			"the folder procurement/%s/ must be a fiscal year such as 2569", fys);
		return NULL;
	}
	if (!file_has_content(c, rel, root))
		return NULL;
	fields_check_keys(c, &schema_procurement, root);
	none = yget_seq(c, root, "no_procurement", 0);
	seq = yget_seq(c, root, "records", none == NULL);
	if (!seq && !none)
		return NULL;
	pf = arena_alloc(c->a, sizeof(*pf));
	memset(pf, 0, sizeof(*pf));
	pf->recs = arena_alloc(c->a, ((seq ? seq->n : 0) + 1) * sizeof(*pf->recs));
	if (none)
		load_no_procurement(c, rel, none, fy, pf);
	for (i = 0; seq && i < seq->n; i++) {
		const struct ynode *it = seq->items[i], *n;
		struct proc_record *r = &pf->recs[pf->n];
		int good = 1;
		memset(r, 0, sizeof(*r));
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(rel, it),
				"แต่ละรายการต้องมี item, method, budget, winner, price, date, reason",
				"each record needs item, method, budget, winner, price, date, reason");
			continue;
		}
		r->path = rel;
		r->line = it->line;
		r->fiscal_year = fy;
		if (fields_read(c, &schema_proc_record, it, r) != 0)
			good = 0;
		r->method = get_text(c, it, "method", 1);
		if (fields_read_one(c, schema_field(&schema_proc_record, "date"), it, r) != 1)
			good = 0;
		else if (date_fiscal_year(r->date) != fy) {
			diag_error(c->d, yloc(rel, ymap_get(it, "date")),
				"วันที่อยู่นอกปีงบประมาณ %d (1 ต.ค. ถึง 30 ก.ย.) ของโฟลเดอร์ procurement/%d/",
				"the date is outside fiscal year %d (1 Oct to 30 Sep) of the folder procurement/%d/",
				fy, fy);
			good = 0;
		}
		if (r->method && !proc_method_th(r->method)) {
			diag_error(c->d, yloc(rel, ymap_get(it, "method")),
				"method ต้องเป็น e-bidding, e-market, selection (คัดเลือก) หรือ specific (เฉพาะเจาะจง) (ได้ \"%s\")",
				"method must be e-bidding, e-market, selection or specific (got \"%s\")", r->method);
			good = 0;
		}
		r->has_reference_price = ymap_get(it, "reference_price") != NULL &&
			!ynode_is_null(ymap_get(it, "reference_price"));
		if (good && !r->has_reference_price)
			diag_warn(c->d, yloc(rel, it),
				"ไม่มีราคากลาง (reference_price) แบบ สขร.1 แสดงราคากลางแยกจากวงเงิน",
				"no reference price (reference_price): form สขร.1 shows it apart from the budget ceiling");
		if (good && r->price > r->budget)
			diag_warn(c->d, yloc(rel, ymap_get(it, "price")),
				"ราคาที่ตกลงสูงกว่าวงเงิน (budget) ตรวจสอบอีกครั้ง",
				"the agreed price is above the budget ceiling; check it");
		if ((bs = yget_seq(c, it, "bids", 0)) != NULL) {
			r->bids = arena_alloc(c->a, (bs->n + 1) * sizeof(*r->bids));
			for (j = 0; j < bs->n; j++) {
				n = bs->items[j];
				if (n->kind != YN_MAP) {
					diag_error(c->d, yloc(rel, n), "ผู้เสนอราคาแต่ละรายต้องมี name และ price",
						"each bid needs name and price");
					continue;
				}
				if (fields_read(c, schema_field(&schema_proc_record, "bids")->sub, n,
					&r->bids[r->n_bids]) == 0)
					r->n_bids++;
			}
		}
		if (good && r->item && r->method && r->winner && r->reason)
			pf->n++;
	}
	return pf;
}
