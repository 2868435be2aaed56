// tests/browser/desk.mjs: a complaint officer answers a case in a browser,
// at 360 px and at 1280 px (WIDTH), with JavaScript on or off (JS=on|off):
// sign in on staff/index.html, open the complaint desk from "my
// projects", open the case CODE from the list, read that its personal
// data stays sealed, answer it "resolved" with a reason, and see the answer
// queued.  At 360 px nothing scrolls sideways and every target is at least
// 44 px; with JavaScript on, axe-core finds no WCAG 2.0/2.1 A or AA
// violation on the list, the case page or the acknowledgement.
// Environment: BASE_URL, STAFF_USER, STAFF_PASSWORD, CODE, WIDTH, JS.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launch, watch, sideways, fail, ok } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_CODE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const base = process.env.BASE_URL, code = process.env.CODE, width = Number(process.env.WIDTH || 360);
const js = (process.env.JS || 'on') === 'on';
const tag = `(${width} px, JavaScript ${js ? 'on' : 'off'})`;
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width, height: 720 }, isMobile: width < 600, hasTouch: width < 600,
	javaScriptEnabled: js });
const page = await ctx.newPage();
const problems = await watch(page, base);

async function look(what) {
	const s = await sideways(page);
	if (s > 0) problems.push(`${what}: scrolls ${s} px sideways at ${width} px`);
	const tiny = await page.evaluate(() => [...document.querySelectorAll('main button, main a.button, main input, main select, main textarea, header button')]
		.filter((e) => e.type !== 'hidden' && e.getBoundingClientRect().height < 44).map((e) => e.name || e.textContent.trim()).slice(0, 5));
	if (tiny.length) problems.push(`${what}: targets under 44 px: ${tiny.join(', ')}`);
	if (await page.locator('script').count()) problems.push(`${what}: the page has a script`);
	if (!js) return;
	// evaluated, not added as a <script>: the CSP allows no inline script
	await page.evaluate(AXE_CODE);
	const v = await page.evaluate(async (tags) => (await window.axe.run(document, { runOnly: { type: 'tag', values: tags },
		resultTypes: ['violations'] })).violations.map((x) => `${x.id}: ${x.help} (${x.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')})`), AXE_TAGS);
	for (const x of v) problems.push(`${what}: axe ${x}`);
}

try {
	await page.goto(new URL('staff/', base).href);
	await page.locator('#staff-id').fill(process.env.STAFF_USER);
	await page.locator('#staff-password').fill(process.env.STAFF_PASSWORD);
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/projects')), page.locator('form.staff-signin button[type=submit]').click()]);
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/cases')), page.locator('main a.button[href$="/cases"]').click()]);
	await look('the case list');
	const link = page.locator(`main a[href$="case?code=${code}"]`);
	if (await link.count() !== 1) throw new Error(`the list has no link to ${code}`);
	await Promise.all([page.waitForURL((u) => u.search.includes(code)), link.click()]);
	await look('the case page');
	const text = await page.locator('main').textContent();
	if (!text.includes('ถูกเข้ารหัสไว้') || !text.includes(`prongsai inbox show ${code}`))
		problems.push('the case page does not say the personal data stays sealed, with prongsai inbox show');
	await page.locator('#f-status').selectOption('resolved');
	await page.locator('#f-note').fill('ซ่อมไฟส่องทางเรียบร้อยแล้ว');
	await page.locator('#f-reason').fill('ดำเนินการตามคำร้องแล้วเสร็จ');
	await Promise.all([page.waitForURL((u) => u.search.includes('queued=')), page.locator('main form button[type=submit]').click()]);
	await look('the acknowledgement');
	const ack = await page.locator('main').textContent();
	if (!ack.includes('รับคำตอบแล้ว') || !ack.includes('รอนำเข้า')) problems.push('no acknowledgement (queued) after sending');
} catch (e) {
	problems.push(`error: ${e.message.split('\n')[0]} (at ${page.url()})`);
}
if (problems.length) fail(`complaint desk ${tag}:\n    ${problems.join('\n    ')}`);
else ok(`complaint desk ${tag}: signed in, listed, opened the case (sealed), answered, saw it queued`);
await browser.close();
