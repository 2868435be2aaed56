// tests/browser/track.mjs: after a rebuild, each tracking code sent by
// journeys.mjs is looked up the way a citizen does: track/index.html, type
// the code (lower case, with spaces, as people do), send.  With JavaScript
// (JS=on) track.js checks and writes out the code, and the form asks the
// collector either way, which sends to track/<CODE>/index.html.  The page shows the
// code.  With PENDING=1 the codes are stored but not built yet: the
// collector's answer says when each was received and when its page
// appears.  The form's targets are at least 44 px high.
// Environment: BASE_URL, CODES (file of "FORM CODE" lines), JS, PENDING.
import fs from 'node:fs';
import { launch, watch, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL, js = (process.env.JS || 'on') === 'on', pending = process.env.PENDING === '1';
const codes = fs.readFileSync(process.env.CODES, 'utf8').split('\n').map((l) => l.split(' ')[1]).filter((c) => c && c !== '-');
if (codes.length === 0) { fail('no codes to look up'); process.exit(1); }
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, javaScriptEnabled: js });
for (const code of codes) {
	const page = await ctx.newPage();
	const problems = await watch(page, base);
	try {
		await page.goto(new URL('track/index.html', base).href);
		// the form is styled: its targets are at least 44 px high (issue 11.5)
		for (const sel of ['form.track-form input[name=code]', 'form.track-form button[type=submit]']) {
			const box = await page.locator(sel).boundingBox();
			if (!box || box.height < 44) problems.push(`${sel} is ${box ? box.height : 0} px high (< 44)`);
		}
		await page.locator('form.track-form input[name=code]').fill(code.toLowerCase().replace(/-/g, ' '));
		// built: its page; stored since the last build (PENDING=1): the
		// collector says when it was received and when its page appears
		await Promise.all([page.waitForURL((u) => pending ? u.pathname.endsWith('/track') && u.search.startsWith('?code=') : u.pathname.includes(`/track/${code}`),
			{ timeout: 15000 }), page.locator('form.track-form button[type=submit]').click()]);
		const text = await page.locator('main').textContent();
		if (!text.includes(code)) problems.push(`the page ${page.url()} does not show ${code}`);
		if (pending && !(text.includes('รับเรื่องแล้วเมื่อ') && text.includes('หน้าติดตามจะปรากฏภายใน')))
			problems.push(`${page.url()} does not say the code was received and when its page appears`);
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]} (at ${page.url()})`);
	}
	await page.close();
	if (problems.length) fail(`track ${code} (JavaScript ${js ? 'on' : 'off'}):\n    ${problems.join('\n    ')}`);
	else ok(`track ${code} (JavaScript ${js ? 'on' : 'off'})`);
}
await browser.close();
