// tests/browser/history.mjs: a project's revision history as a person on a
// 360 px phone sees it (issue 16): the section, both values of the
// correction with its date, author and reason, the "แก้ไขเมื่อ" mark as a
// target of at least 44 px that leads to its entry, nothing sideways; and
// the site-wide revisions page.  Environment: BASE_URL, OUT_DIR.
import path from 'node:path';
import { launch, watch, sideways, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL, out = process.env.OUT_DIR || '.';
if (!base) { console.error('BASE_URL is required'); process.exit(2); }
const PHONE = { viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

const browser = await launch();
let bad = 0;
async function check(name, url, fn) {
	const ctx = await browser.newContext(PHONE);
	const page = await ctx.newPage();
	const problems = await watch(page, base);
	try {
		await page.goto(new URL(url, base).href, { waitUntil: 'load' });
		problems.push(...await fn(page));
		const s = await sideways(page);
		if (s > 0) problems.push(`the page scrolls ${s} px sideways at 360 px`);
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]}`);
	}
	await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true }).catch(() => {});
	await ctx.close();
	if (problems.length) { bad++; fail(`${name} (${url}):\n    ${problems.join('\n    ')}`); }
	else ok(`${name} (${url})`);
}

await check('history-section', 'projects/2569-001/index.html', async (page) => {
	const p = [];
	const h = page.locator('#history');
	if (!(await h.isVisible())) return ['no visible ประวัติการแก้ไข heading'];
	const entry = page.locator('.revisions li').first();
	const text = (await entry.innerText()).replace(/\s+/g, ' ');
	for (const want of ['500,000.00', '350,000.00', '2 เม.ย. 2569', 'Outsider Person', 'ใบเสร็จซ้ำซ้อน'])
		if (!text.includes(want)) p.push(`the correction entry does not show ${want}: "${text}"`);
	const mark = page.locator('a.corrected').first();
	if (!(await mark.isVisible())) return [...p, 'no visible แก้ไขเมื่อ mark'];
	const box = await mark.boundingBox();
	if (!box || box.height < 44) p.push(`the แก้ไขเมื่อ mark is ${box ? box.height : 0} px high (< 44)`);
	await mark.click();
	const target = await page.evaluate(() => {
		const t = document.querySelector(':target');
		if (!t) return null;
		const r = t.getBoundingClientRect();
		return { id: t.id, top: r.top, bottom: r.bottom, h: window.innerHeight };
	});
	if (!target || !target.id.startsWith('rev-')) p.push('the mark does not lead to a history entry');
	else if (target.top < -2 || target.top > target.h) p.push(`the entry is not on screen after the click (top ${target.top})`);
	return p;
});

await check('revisions-page', 'revisions/index.html', async (page) => {
	const p = [];
	const items = await page.$$eval('.revisions li', (l) => l.map((e) => e.innerText));
	if (!items.length) p.push('no change listed');
	if (!items.some((t) => t.includes('Outsider Person') && t.includes('350,000.00'))) p.push('the correction is not listed');
	const link = page.locator('.revisions li a').first();
	if (!(await link.getAttribute('href') || '').includes('projects/2569-001/index.html#rev-')) p.push('the entry does not link to its project');
	return p;
});
await browser.close();
if (bad) process.exitCode = 1;
