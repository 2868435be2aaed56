// tests/browser/sees.mjs: what a person came for, as they see it in
// headless Chromium: each check opens one page at one viewport and returns
// the problems it found (an empty list when the page is right).
// Environment: BASE_URL, SITE_DIR, OUT_DIR (screenshots), ONLY (a check
// name to run alone).
import fs from 'node:fs';
import path from 'node:path';
import { launch, watch, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL, out = process.env.OUT_DIR || '.';
if (!base) { console.error('BASE_URL is required'); process.exit(2); }
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 };

// visible text of the elements matching sel
const texts = (page, sel) => page.$$eval(sel, (l) => l.map((e) => e.innerText.trim()));

const checks = [];
const check = (name, url, ctx, fn) => checks.push({ name, url, ctx, fn });

// #11.1 OIT O2: every executive of people.yaml, with position, a photo or
// placeholder and a direct contact.
check('executives', 'executives/index.html', PHONE, async (page) => {
	const want = ['นายประเสริฐ วงศ์ภูผา', 'นางวิไลวรรณ แสนคำ', 'นายธนากร ศรีบุญเรือง',
		'นางสาวกาญจนา ภูมิสถาน', 'นายวีระพงษ์ คำแสน', 'นางรัชนี พรหมวงศ์'];
	const p = [];
	const people = await page.$$eval('.person', (l) => l.map((e) => ({
		name: (e.querySelector('.person-name') || {}).innerText || '',
		position: (e.querySelector('.person-position') || {}).innerText || '',
		picture: !!e.querySelector('img[alt], svg[role=img][aria-label]'),
		contact: !!e.querySelector('a[href^="tel:"], a[href^="mailto:"]'),
	})));
	for (const n of want) {
		const x = people.find((e) => e.name.trim() === n);
		if (!x) { p.push(`executive ${n} not shown`); continue; }
		if (!x.position) p.push(`${n}: no position`);
		if (!x.picture) p.push(`${n}: no photo or placeholder`);
		if (!x.contact) p.push(`${n}: no phone or e-mail link`);
	}
	if (people.length !== want.length) p.push(`${people.length} people shown, want ${want.length}`);
	return p;
});

// #11.2 Markdown tables are tables (cmark-gfm), never "| --- |" text.
for (const slug of ['structure', 'manuals']) {
	check(`table-${slug}`, `${slug}/index.html`, PHONE, async (page) => {
		const p = [];
		const tables = await page.$$eval('.prose table', (l) => l.map((t) => ({
			heads: t.querySelectorAll('thead th').length, rows: t.querySelectorAll('tbody tr').length })));
		if (!tables.length) p.push('no <table> in the page text');
		for (const t of tables) if (t.heads < 2 || t.rows < 1) p.push(`table with ${t.heads} headings, ${t.rows} rows`);
		const body = await page.innerText('main');
		if (/\|\s*-{3,}\s*\|/.test(body)) p.push('raw table markup "| --- |" shown as text');
		return p;
	});
}

// #11.9 A whistle-blower's code is never listed: the dashboard counts open
// corruption reports but shows none of their codes or tracking links.
const secretCodes = (() => {
	const f = path.join(process.env.CONTENT_DIR || path.join(import.meta.dirname, '../../content'), 'sample-submissions.yaml');
	return [...fs.readFileSync(f, 'utf8').matchAll(/form: corruption, code: ([0-9A-Z-]+)/g)].map((m) => m[1]);
})();
check('dashboard-no-secret-codes', 'dashboard/index.html', DESKTOP, async (page) => {
	const p = [];
	if (!secretCodes.length) p.push('no corruption report in the sample to look for');
	const text = await page.innerText('body');
	const hrefs = await page.$$eval('a[href]', (l) => l.map((a) => a.href));
	for (const c of secretCodes) {
		if (text.includes(c)) p.push(`corruption code ${c} shown`);
		if (hrefs.some((h) => h.includes(c))) p.push(`link to corruption case ${c}`);
	}
	if (!/แจ้งเบาะแสการทุจริตที่ยังไม่ยุติ\s*\d+\s*เรื่อง/.test(text)) p.push('open corruption reports not counted');
	return p;
});

// #11.6 The director's first screen (1280x800) answers four questions, each
// with a figure, a colour and a word: behind plan, the Cabinet target gap
// with the office's own plan, complaints past due in working days, projects
// without a report this month (by owner); and links the last closed year.
check('dashboard-first-screen', 'dashboard/index.html', DESKTOP, async (page) => {
	const p = [];
	const want = {
		'alert-behind': /โครงการล่าช้ากว่าแผน[\s\S]*\d+\s*จาก\s*\d+\s*โครงการ/,
		'alert-target': /ไตรมาส\s*\d[\s\S]*\d+(\.\d+)?%\s*เป้า\s*\d+(\.\d+)?%[\s\S]*(ต่ำกว่าเป้า|ถึงเป้า)[\s\S]*แผนของสำนักงาน[\s\S]*\d+(\.\d+)?%/,
		'alert-overdue': /เกินกำหนด\s*\d+\s*วันทำการ[\s\S]*\d+\s*จากที่ยังไม่ยุติ/,
		'alert-unreported': /ยังไม่รายงานเดือน[\s\S]*\d+\s*โครงการ/,
	};
	for (const [id, re] of Object.entries(want)) {
		const el = page.locator(`#${id}`);
		if (!await el.count()) { p.push(`#${id} missing`); continue; }
		const box = await el.boundingBox();
		if (!box || box.y + box.height > 800) p.push(`#${id} not within the first screen (bottom ${box ? Math.round(box.y + box.height) : '?'}px)`);
		const text = await el.innerText();
		if (!re.test(text)) p.push(`#${id} does not say it: "${text.replace(/\s+/g, ' ').slice(0, 120)}"`);
		if (!/ปกติ|ควรติดตาม|ต้องแก้ไข/.test(text)) p.push(`#${id}: colour without a word`);
		const bg = await el.evaluate((e) => getComputedStyle(e).backgroundColor);
		if (bg === 'rgba(0, 0, 0, 0)' || bg === 'rgb(255, 255, 255)') p.push(`#${id}: no colour`);
	}
	const overdue = await page.locator('#alert-overdue').innerText().catch(() => '');
	if (!/ต้องแก้ไข/.test(overdue)) p.push('sample complaints open since 2025 not flagged as overdue');
	const closed = page.locator('a', { hasText: 'โครงการปีงบประมาณ 2569' }).first();
	if (!await closed.count()) p.push('no link to the last closed fiscal year 2569');
	return p;
});

// #11.8 The site never states an absence it cannot know (today 2026-11-24):
// a future month is "not yet due"; a past month says "no procurement" only
// when recorded (procurement/2569/2026-02.yaml no_procurement), else "not
// entered"; complaint statistics never show a future period as none or 0.
const absence = [
	['procurement/2570/05/index.html', 'ยังไม่ถึงรอบ'],
	['procurement/2569/12/index.html', 'ไม่มีการจัดซื้อจัดจ้าง'],
	['procurement/2569/03/index.html', 'ยังไม่ได้บันทึก'],
];
for (const [url, want] of absence) {
	check(`absence-${url.split('/').slice(1, 3).join('-')}`, url, PHONE, async (page) => {
		const text = await page.innerText('main');
		const p = [];
		if (!text.includes(want)) p.push(`does not say "${want}"`);
		for (const other of ['ยังไม่ถึงรอบ', 'ไม่มีการจัดซื้อจัดจ้าง', 'ยังไม่ได้บันทึก'])
			if (other !== want && text.includes(other)) p.push(`also says "${other}"`);
		if (await page.locator('main table').count()) p.push('an empty สขร.1 table is shown');
		return p;
	});
}
check('absence-procurement-year', 'procurement/2570/index.html', PHONE, async (page) => {
	const rows = await page.$$eval('main table:first-of-type tbody tr', (l) => l.map((r) => r.innerText.replace(/\s+/g, ' ')));
	const p = [];
	for (const r of rows) if (/(พ\.ค\.|มิ\.ย\.|ก\.ย\.) 2570/.test(r) && !r.includes('ยังไม่ถึงรอบ')) p.push(`future month shown as "${r}"`);
	if (!rows.length) p.push('no monthly rows');
	return p;
});
check('absence-complaints', 'complaints/2570/index.html', PHONE, async (page) => {
	const rows = await page.$$eval('main tr', (l) => l.map((r) => r.innerText.replace(/\s+/g, ' ')));
	const p = [];
	const future = rows.filter((r) => /(ม\.ค\.|ก\.พ\.|ส\.ค\.|ก\.ย\.) 2570|ไตรมาส [234]/.test(r));
	if (future.length < 7) p.push(`only ${future.length} future periods found`);
	for (const r of future) if (!r.includes('ยังไม่ถึงรอบ') || /ไม่มีเรื่อง|\b0\b/.test(r)) p.push(`future period shown as "${r}"`);
	return p;
});

const browser = await launch();
let bad = 0;
for (const c of checks) {
	if (process.env.ONLY && process.env.ONLY !== c.name) continue;
	const ctx = await browser.newContext(c.ctx);
	const page = await ctx.newPage();
	const problems = await watch(page, base);
	try {
		await page.goto(new URL(c.url, base).href, { waitUntil: 'load' });
		problems.push(...await c.fn(page, ctx));
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]}`);
	}
	await page.screenshot({ path: path.join(out, `${c.name}.png`) }).catch(() => {});
	await ctx.close();
	if (problems.length) { bad++; fail(`${c.name} (${c.url}):\n    ${problems.join('\n    ')}`); }
	else ok(`${c.name} (${c.url})`);
}
await browser.close();
if (bad) process.exitCode = 1;
