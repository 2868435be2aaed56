// tests/browser/journeys.mjs: a citizen fills and sends each form of the
// site (complaint, corruption, survey ...) in headless Chromium, with
// JavaScript on and with it off (JS=on|off), through lighttpd and the
// collector, and lands on the form's thank-you page (surveys) or the
// collector's own answer with a tracking code (complaint kinds), which shows
// the code on one line, with JavaScript on or off.  No
// console error, failed request or request leaving 127.0.0.1 on the way.
// Environment: BASE_URL, SITE_DIR, OUT_DIR, JS.  Writes one line per
// submission to OUT_DIR/submissions-JS.txt: "FORM CODE" (CODE "-" if none).
import fs from 'node:fs';
import path from 'node:path';
import { launch, watch, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL, site = process.env.SITE_DIR, out = process.env.OUT_DIR || '.';
const js = (process.env.JS || 'on') === 'on';
const forms = fs.readdirSync(path.join(site, 'forms'), { withFileTypes: true })
	.filter((e) => e.isDirectory() && fs.existsSync(path.join(site, 'forms', e.name, 'index.html')) &&
		/<form[^>]*collect\.cgi/.test(fs.readFileSync(path.join(site, 'forms', e.name, 'index.html'), 'utf8')))
	.map((e) => e.name).sort();
if (forms.length === 0) { fail('no forms found under forms/'); process.exit(1); }

const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, javaScriptEnabled: js });
const lines = [];
const stamp = `${js ? 'js' : 'nojs'}-${process.pid}`;
for (const id of forms) {
	const page = await ctx.newPage();
	const problems = await watch(page, base);
	try {
		await page.goto(new URL(`forms/${id}/index.html`, base).href);
		const fields = await page.locator('form.submit-form [name]').all();
		const radios = new Set();
		for (const f of fields) {
			const tag = await f.evaluate((e) => e.tagName.toLowerCase()).catch(() => null)
				?? (await f.getAttribute('type') !== null ? 'input' : 'textarea');
			const type = (await f.getAttribute('type')) || tag;
			const name = await f.getAttribute('name');
			const required = (await f.getAttribute('required')) !== null;
			const max = Number(await f.getAttribute('maxlength')) || 200;
			if (name === 'website' || type === 'hidden' || type === 'submit' || type === 'file') continue;
			if (type === 'radio') {
				if (!radios.has(name)) { radios.add(name); await f.check(); }
			} else if (type === 'checkbox') {
				if (required) await f.check();
			} else if (tag === 'select' || type === 'select') {
				const v = await f.locator('option:not([value=""])').first().getAttribute('value');
				await f.selectOption(v);
			} else if (type === 'email') {
				if (required) await f.fill('citizen@example.org');
			} else if (type === 'tel') {
				if (required) await f.fill('0812345678');
			} else if (type === 'date') {
				await f.fill('2026-11-20');
			} else if (required || tag === 'textarea') {
				// only what is required: an anonymous citizen (personal
				// fields need the office's public key, tested elsewhere)
				const text = `ทดสอบการส่ง ${id} ${stamp} ${tag === 'textarea' ? 'รายละเอียดของเรื่องที่ต้องการแจ้ง เพื่อทดสอบระบบตั้งแต่ต้นจนจบ' : ''}`;
				await f.fill(text.slice(0, max));
			}
		}
		await Promise.all([page.waitForURL(/\/thanks\/|\/track\?code=/, { timeout: 20000 }), page.locator('form.submit-form button[type=submit]').click()]);
		const u = new URL(page.url());
		const code = u.searchParams.get('code');
		// a complaint: the collector's own answer; a survey: the site's thank-you page
		if (!u.pathname.endsWith('/collect.cgi/track') &&
			!u.pathname.endsWith(`/forms/${id}/thanks/index.html`) && !u.pathname.endsWith(`/forms/${id}/thanks/`))
			problems.push(`landed on ${u.pathname}`);
		const hasBox = await page.locator('#tracking-code').count();
		if (hasBox) {
			// shown with JavaScript on or off (issue 11.5), on one line
			if (!code || !/^[0-9A-Za-z-]{4,40}$/.test(code)) problems.push(`no tracking code in ${page.url()}`);
			const box = page.locator('#tracking-code');
			const shown = (await box.textContent()).trim();
			if (shown !== (code || '').toUpperCase()) problems.push(`page shows "${shown}", not the code ${code}`);
			const lines = await box.evaluate((e) => e.getClientRects().length);
			if (lines > 1) problems.push(`the code wraps over ${lines} lines`);
			const copy = page.locator('button[data-copy="tracking-code"]');
			if (!js && await copy.isVisible()) problems.push('a copy button without JavaScript');
			if (js && u.pathname.endsWith('/collect.cgi/track') && !await copy.isVisible()) problems.push('no copy button with JavaScript');
			if (u.pathname.endsWith('/collect.cgi/track')) {
				const text = await page.locator('main').textContent();
				if (!text.includes('รับเรื่องแล้วเมื่อ') || !text.includes('หน้าติดตามจะปรากฏภายใน'))
					problems.push('the answer does not say when it was received and when its page appears');
			}
		}
		await page.screenshot({ path: path.join(out, `thanks-${id}-${js ? 'js' : 'nojs'}.png`), fullPage: true });
		lines.push(`${id} ${hasBox ? code : '-'}`);
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]}`);
		await page.screenshot({ path: path.join(out, `failed-${id}-${js ? 'js' : 'nojs'}.png`), fullPage: true }).catch(() => {});
	}
	await page.close();
	if (problems.length) fail(`${id} (JavaScript ${js ? 'on' : 'off'}):\n    ${problems.join('\n    ')}`);
	else ok(`${id} (JavaScript ${js ? 'on' : 'off'}) sent: ${lines.at(-1)}`);
}
await browser.close();
fs.writeFileSync(path.join(out, `submissions-${js ? 'on' : 'off'}.txt`), lines.join('\n') + '\n');
