// tests/browser/track.mjs: after a rebuild, each tracking code sent by
// journeys.mjs is looked up the way a citizen does: track/index.html, type
// the code (lower case, with spaces, as people do), send.  With JavaScript
// (JS=on) track.js goes to track/<CODE>/index.html; without, the form asks
// the collector, which answers with the same page.  The page shows the
// code.  Environment: BASE_URL, CODES (file of "FORM CODE" lines), JS.
import fs from 'node:fs';
import { launch, watch, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL, js = (process.env.JS || 'on') === 'on';
const codes = fs.readFileSync(process.env.CODES, 'utf8').split('\n').map((l) => l.split(' ')[1]).filter((c) => c && c !== '-');
if (codes.length === 0) { fail('no codes to look up'); process.exit(1); }
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, javaScriptEnabled: js });
for (const code of codes) {
	const page = await ctx.newPage();
	const problems = await watch(page, base);
	try {
		await page.goto(new URL('track/index.html', base).href);
		await page.locator('form.track-form input[name=code]').fill(code.toLowerCase().replace(/-/g, ' '));
		await Promise.all([page.waitForURL((u) => u.pathname.includes(`/track/${code}`), { timeout: 15000 }),
			page.locator('form.track-form button[type=submit]').click()]);
		const text = await page.locator('main').textContent();
		if (!text.includes(code)) problems.push(`the page ${page.url()} does not show ${code}`);
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]} (at ${page.url()})`);
	}
	await page.close();
	if (problems.length) fail(`track ${code} (JavaScript ${js ? 'on' : 'off'}):\n    ${problems.join('\n    ')}`);
	else ok(`track ${code} (JavaScript ${js ? 'on' : 'off'})`);
}
await browser.close();
