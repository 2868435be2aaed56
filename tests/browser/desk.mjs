// tests/browser/desk.mjs: a complaint officer answers a case in a browser,
// at 360 px and at 1280 px (WIDTH), with JavaScript on or off (JS=on|off):
// sign in on staff/index.html, open the complaint desk from "my
// projects", open the case CODE from the list, read that its personal
// data stays sealed, answer it "resolved" with a reason, and see the answer
// queued.  At 360 px nothing scrolls sideways and every target is at least
// 44 px; with JavaScript on, axe-core finds no WCAG 2.0/2.1 A or AA
// violation on the list, the case page or the acknowledgement.
// With JavaScript on, the case page's key opener (desk.js, libsodium from
// the site itself): a real key file that is not the office's is refused
// with a Thai message and no request is made; the officer's own key file
// opens the canary name (CANARY) and, when ATTACHMENT is set, the sealed
// attachment, saved through its Blob link, holds that text.  Every request
// and response of the journey (URLs, headers, bodies) is captured: none
// holds a canary (CANARIES, space-separated) or the secret key.
// Environment: BASE_URL, STAFF_USER, STAFF_PASSWORD, CODE, WIDTH, JS,
// CANARY, CANARIES, KEY_FILE, WRONG_KEY_FILE, ATTACHMENT (may be empty).
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
// the network capture: every request and response with its body
const wire = [], bodies = [];
let requests = 0;
page.on('request', (r) => {
	requests++;
	wire.push({ what: `request ${r.method()} ${r.url()}`, text: `${r.url()}\n${JSON.stringify(r.headers())}\n${r.postData() || ''}` });
});
page.on('response', (r) => {
	bodies.push((async () => {
		let body = '';
		try { body = (await r.body()).toString('latin1'); } catch { /* a redirect has none */ }
		wire.push({ what: `response ${r.status()} ${r.url()}`, text: `${r.url()}\n${JSON.stringify(await r.allHeaders())}\n${body}` });
	})());
});

async function look(what) {
	const s = await sideways(page);
	if (s > 0) problems.push(`${what}: scrolls ${s} px sideways at ${width} px`);
	const tiny = await page.evaluate(() => [...document.querySelectorAll('main button, main a.button, main input, main select, main textarea, header button')]
		.filter((e) => e.type !== 'hidden' && e.getClientRects().length && e.getBoundingClientRect().height < 44).map((e) => e.name || e.textContent.trim()).slice(0, 5));
	if (tiny.length) problems.push(`${what}: targets under 44 px: ${tiny.join(', ')}`);
	const inline = await page.evaluate(() => [...document.scripts].filter((x) => !x.src || new URL(x.src).origin !== location.origin).length);
	if (inline) problems.push(`${what}: the page has ${inline} inline or third-party script(s)`);
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
	const text = await page.locator('main').textContent();
	if (!text.includes('ถูกเข้ารหัสไว้') || !text.includes(`prongsai inbox show ${code}`))
		problems.push('the case page does not say the personal data stays sealed, with prongsai inbox show');
	if (text.includes(process.env.CANARY)) problems.push('the case page shows the canary name before the key is given');
	if (js) {
		// a wrong key file: refused in Thai, nothing sent
		await page.locator('#key-file').waitFor({ state: 'visible', timeout: 20000 });
		const before = requests;
		await page.locator('#key-file').setInputFiles(process.env.WRONG_KEY_FILE);
		await page.waitForFunction(() => document.getElementById('key-msg').textContent.includes('ไม่ใช่กุญแจของสำนักงาน'), null, { timeout: 5000 })
			.catch(() => problems.push('a wrong key file is not refused with the Thai message'));
		await page.waitForTimeout(300);
		if (requests !== before) problems.push(`a wrong key file made ${requests - before} request(s)`);
		if (await page.locator('#personal-values').isVisible()) problems.push('a wrong key file shows personal values');
		// the officer's key: the canary name, opened on this device
		await page.locator('#key-file').setInputFiles(process.env.KEY_FILE);
		await page.locator('#personal-values dd[data-name="name"]').waitFor({ timeout: 5000 });
		const name = await page.locator('#personal-values dd[data-name="name"]').textContent();
		if (name !== process.env.CANARY) problems.push(`the opened name is [${name}], not the canary`);
		if (process.env.ATTACHMENT) {
			await page.locator('#attachments button').first().click();
			const link = page.locator('#attachments a[download]').first();
			await link.waitFor({ timeout: 10000 });
			const [dl] = await Promise.all([page.waitForEvent('download'), link.click()]);
			const saved = fs.readFileSync(await dl.path(), 'latin1');
			if (!saved.includes(process.env.ATTACHMENT)) problems.push('the saved attachment is not the file sent');
		}
	}
	await look('the case page');
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
await Promise.all(bodies);
const sk = (fs.readFileSync(process.env.KEY_FILE, 'utf8').match(/^secret_key:\s*(\S+)/m) || [])[1];
const secrets = (process.env.CANARIES || '').split(' ').filter(Boolean);
if (sk) secrets.push(sk, encodeURIComponent(sk), Buffer.from(sk, 'base64').toString('latin1'), Buffer.from(sk, 'base64').toString('hex'));
for (const w of wire)
	for (const x of secrets)
		if (w.text.includes(x) || w.text.includes(encodeURIComponent(x))) problems.push(`network: ${w.what} holds ${x === sk || !/^[ -~]+$/.test(x) ? 'the secret key' : x}`);
if (wire.length < 8) problems.push(`network capture: only ${wire.length} requests and responses seen`);
if (problems.length) fail(`complaint desk ${tag}:\n    ${problems.join('\n    ')}`);
else ok(`complaint desk ${tag}: signed in, listed, opened the case (${js ? 'wrong key refused, canary read with the key file' : 'sealed'}), answered, saw it queued; ${wire.length} requests and responses without a canary or the key`);
await browser.close();
