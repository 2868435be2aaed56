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
const check = (name, url, ctx, fn, setup) => checks.push({ name, url, ctx, fn, setup });

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
	['procurement/2569/04/index.html', 'ยังไม่ได้บันทึก'],
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

// #11.7 Phones.
// The menu is collapsed without JavaScript: the header takes at most a
// quarter of the first screen at 360x640 and 390x844, and opens on a tap.
for (const vp of [{ width: 360, height: 640 }, { width: 390, height: 844 }]) {
	check(`menu-${vp.width}`, 'index.html', { ...PHONE, viewport: vp, javaScriptEnabled: false }, async (page) => {
		const p = [];
		// the header itself (the sample-data banner above it is not the menu)
		const height = await page.evaluate(() => document.querySelector('.site-header').getBoundingClientRect().height);
		const share = Math.round(100 * height / vp.height);
		console.log(`MEASURE menu_share_${vp.width}x${vp.height}=${share}%`);
		if (share > 25) p.push(`the header takes ${share}% of the first screen`);
		const toggle = page.locator('.site-header summary');
		if (!await toggle.count()) { p.push('no menu button'); return p; }
		await toggle.click();
		const link = page.locator('.site-header nav a', { hasText: 'ผู้บริหาร' });
		if (!await link.isVisible()) p.push('the menu does not open without JavaScript');
		return p;
	});
}
check('menu-desktop', 'index.html', DESKTOP, async (page) => {
	const link = page.locator('.site-header nav a', { hasText: 'ข้อมูลเปิด' });
	const p = await link.isVisible() ? [] : ['menu hidden at 1280px'];
	// the menu wraps: every item inside the window, no sideways scrolling
	const out = await page.evaluate(() => {
		const off = [...document.querySelectorAll('.site-header nav a')]
			.filter((a) => a.getBoundingClientRect().right > window.innerWidth + 0.5).map((a) => a.innerText.trim());
		return { off, wide: document.documentElement.scrollWidth - window.innerWidth };
	});
	if (out.off.length) p.push(`menu items past the right edge at 1280px: ${out.off.join(', ')}`);
	if (out.wide > 0) p.push(`the page scrolls sideways by ${out.wide}px at 1280px`);
	return p;
});
// The home page reaches a district.
check('home-districts', 'index.html', PHONE, async (page) => {
	const n = await page.locator('main a[href*="/district/"]').count();
	return n >= 14 ? [] : [`${n} district links on the home page, want the 14 districts`];
});
// Narrow tables: the key figures (actual, budget, disbursed) are in the
// first view at 360px, without scrolling sideways.
check('cards-narrow', 'projects/2569/index.html', PHONE, async (page) => {
	const p = [];
	const off = await page.evaluate(() => {
		const out = [];
		for (const row of document.querySelectorAll('table.projects tbody tr')) {
			for (const c of row.querySelectorAll('td.num')) {
				const r = c.getBoundingClientRect();
				if (r.width > 0 && r.right > window.innerWidth + 0.5) out.push(`${c.innerText.trim()} at ${Math.round(r.right)}px`);
			}
		}
		return out;
	});
	if (off.length) p.push(`figures off-screen at 360px: ${off.slice(0, 4).join(', ')} (${off.length} in all)`);
	const rows = await page.locator('table.projects tbody tr').count();
	if (!rows) p.push('no project rows');
	return p;
});
// Chart text at least 12px on screen at 360px, and no SVG text outside its
// viewBox, on each page with charts.
const svgPages = ['index.html', 'dashboard/index.html', 'projects/2569/index.html', 'projects/2569-001/index.html',
	'surveys/satisfaction/index.html', 'projects/2570/index.html'];
for (const url of svgPages) {
	check(`svg-${url.replace(/\/index\.html$|\.html$/, '').replace(/\//g, '-')}`, url, PHONE, async (page) => {
		const r = await page.evaluate(() => {
			let minPx = Infinity, clipped = 0, n = 0;
			const bad = [];
			// the svg box is its viewBox on screen (width 100%, height auto);
			// a text's screen box includes its rotation
			for (const svg of document.querySelectorAll('main svg[viewBox]')) {
				const vb = svg.viewBox.baseVal, box = svg.getBoundingClientRect();
				const scale = box.width / vb.width;
				for (const t of svg.querySelectorAll('text')) {
					n++;
					const b = t.getBoundingClientRect();
					const px = parseFloat(getComputedStyle(t).fontSize) * scale;
					if (px < minPx) minPx = px;
					const over = Math.max(box.left - b.left, b.right - box.right, box.top - b.top, b.bottom - box.bottom, 0);
					if (over > 0.5) { clipped = Math.max(clipped, over); bad.push(`"${t.textContent.slice(0, 30)}" ${Math.round(over)}px`); }
				}
			}
			return { minPx, clipped, n, bad };
		});
		const p = [];
		console.log(`MEASURE ${url} svg_texts=${r.n} min_text_px=${r.minPx.toFixed(1)} clipped_px=${Math.round(r.clipped)}`);
		if (!r.n) p.push('no chart text');
		if (r.minPx < 12) p.push(`chart text ${r.minPx.toFixed(1)}px at 360px (want >= 12)`);
		if (r.bad.length) p.push(`SVG text outside the viewBox: ${r.bad.slice(0, 4).join(', ')}`);
		return p;
	});
}
// Layout shift (CLS) under 0.05 while the page and its fonts load.
// The fonts arrive 600 ms late, as on a slow phone line: the page must not
// move when they do.
const slowFonts = async (page) => page.route('**/*.woff2', async (route) => {
	await new Promise((r) => setTimeout(r, 600));
	return route.fallback();
});
for (const url of ['index.html', 'projects/2569-001/index.html', 'dashboard/index.html']) {
	check(`cls-${url.split('/')[0].replace('.html', '')}`, url, PHONE, async (page) => {
		await page.waitForTimeout(800);
		await page.evaluate(() => document.fonts.ready);
		await page.waitForTimeout(500);
		const cls = await page.evaluate(() => window.__cls);
		console.log(`MEASURE ${url} cls=${cls.toFixed(3)}`);
		return cls < 0.05 ? [] : [`CLS ${cls.toFixed(3)} (want < 0.05)`];
	}, slowFonts);
}

// #11.12 Search finds pages and forms: "ร้องเรียน" leads to the complaint form.
check('search-forms', 'search/index.html?q=%E0%B8%A3%E0%B9%89%E0%B8%AD%E0%B8%87%E0%B9%80%E0%B8%A3%E0%B8%B5%E0%B8%A2%E0%B8%99', PHONE, async (page) => {
	await page.waitForSelector('#search-results li', { timeout: 5000 }).catch(() => {});
	const hrefs = await page.$$eval('#search-results a', (l) => l.map((a) => a.getAttribute('href')));
	const p = [];
	const at = hrefs.findIndex((h) => /forms\/complaint\/index\.html$/.test(h));
	if (at < 0) p.push(`the complaint form is not among ${hrefs.length} results`);
	else if (at > 2) p.push(`the complaint form is result ${at + 1}, not in the first three`);
	if (!hrefs.some((h) => /track\/index\.html$/.test(h))) p.push('the tracking page is not found');
	return p;
});

// #11.13 A project page links its own rating form with the project chosen
// in advance; without JavaScript a citizen rates it and the collector
// stores the project (t5120 reads the database).
check('rate-project', 'projects/2569-001/index.html', { ...PHONE, javaScriptEnabled: false }, async (page) => {
	const p = [];
	const link = page.locator('.rate a').first();
	if (!await link.count()) return ['no rating link on the project page'];
	const box = await link.boundingBox();
	if (!box || box.height < 44) p.push(`the rating link is ${box ? box.height : 0} px high (< 44)`);
	await Promise.all([page.waitForURL(/forms\/satisfaction\/2569-001\//), link.click()]);
	const chosen = await page.locator('select[name=project]').inputValue();
	if (chosen !== '2569-001') p.push(`the form has project "${chosen}" chosen, not 2569-001`);
	for (const name of await page.$$eval('input[type=radio][value="4"]', (l) => l.map((e) => e.name)))
		await page.locator(`input[type=radio][name="${name}"][value="4"]`).check();
	await Promise.all([page.waitForURL(/\/thanks\//, { timeout: 15000 }), page.locator('form.submit-form button[type=submit]').click()]);
	return p;
});

// #11.15 Print: the annual report's summary table is the page's width, its
// headings and captions stay with what follows, and sample data says so.
check('print-report', 'reports/2569/annual/index.html', { viewport: { width: 718, height: 1000 } }, async (page) => {
	await page.emulateMedia({ media: 'print' });
	const p = [];
	const r = await page.evaluate(() => {
		const t = document.querySelector('.summary-table, #summary + table');
		const main = document.querySelector('main').getBoundingClientRect().width;
		const banner = document.querySelector('.sample-banner');
		const cap = document.querySelector('.report-table caption');
		return {
			share: t ? t.getBoundingClientRect().width / main : 0,
			banner: banner ? getComputedStyle(banner).display !== 'none' && banner.getBoundingClientRect().height > 0 : false,
			capAfter: cap ? getComputedStyle(cap).breakAfter : 'none',
			h2After: getComputedStyle(document.querySelector('h2')).breakAfter,
		};
	});
	console.log(`MEASURE print summary_table_share=${Math.round(r.share * 100)}%`);
	if (r.share < 0.9) p.push(`summary table is ${Math.round(r.share * 100)}% of the page width`);
	if (!r.banner) p.push('sample data printed without the sample banner');
	if (r.capAfter !== 'avoid') p.push(`caption may be parted from its table (break-after: ${r.capAfter})`);
	if (r.h2After !== 'avoid') p.push(`heading may be parted from what follows (break-after: ${r.h2After})`);
	return p;
});

const browser = await launch();
let bad = 0;
for (const c of checks) {
	if (process.env.ONLY && process.env.ONLY !== c.name) continue;
	const ctx = await browser.newContext(c.ctx);
	const page = await ctx.newPage();
	// the layout shifts of the whole load, for the CLS checks
	await page.addInitScript(() => {
		window.__cls = 0;
		new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; })
			.observe({ type: 'layout-shift', buffered: true });
	});
	const problems = await watch(page, base);
	if (c.setup) await c.setup(page);
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
