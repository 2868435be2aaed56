// tests/browser/staff.mjs: an officer's monthly report on a 360 px phone,
// with JavaScript on or off (JS=on|off): sign in on staff/index.html, open
// "my projects", open the form of their project, change the figures, send,
// and see the report acknowledged as queued; then someone else's project
// is refused, and after signing out the pages answer "signed out".  The
// steps (page loads and form sends) and the time from the sign-in page to
// the acknowledgement are printed as "FIGURE ...".  No figure is asserted.
// Environment: BASE_URL, STAFF_USER, STAFF_PASSWORD, PROJECT (theirs),
// OTHER (a project they may not report on), JS.
import { launch, watch, sideways, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL, js = (process.env.JS || 'on') === 'on';
const user = process.env.STAFF_USER, pw = process.env.STAFF_PASSWORD;
const project = process.env.PROJECT, other = process.env.OTHER;
const tag = `(JavaScript ${js ? 'on' : 'off'}, 360 px)`;
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, javaScriptEnabled: js });
const page = await ctx.newPage();
const problems = await watch(page, base);
const expected = []; // the 401/403 this journey provokes on purpose
let steps = 0;

async function small(what) {
	const s = await sideways(page);
	if (s > 0) problems.push(`${what}: scrolls ${s} px sideways at 360 px`);
	const tiny = await page.evaluate(() => [...document.querySelectorAll('main button, main a.button, main input, main textarea, header button')]
		.filter((e) => e.type !== 'hidden' && e.getBoundingClientRect().height < 44).map((e) => e.name || e.textContent.trim()).slice(0, 5));
	if (tiny.length) problems.push(`${what}: targets under 44 px: ${tiny.join(', ')}`);
}

try {
	const t0 = Date.now();
	await page.goto(new URL('staff/', base).href);
	steps++;
	await small('sign-in page');
	await page.locator('#staff-id').fill(user);
	await page.locator('#staff-password').fill(pw);
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/projects')), page.locator('form.staff-signin button[type=submit]').click()]);
	steps++;
	await small('my projects');
	const list = await page.locator('main').textContent();
	if (!list.includes('โครงการของฉัน')) problems.push('my projects: no heading');
	const button = page.locator(`a.button[href$="report?project=${project}"]`);
	if (await button.count() !== 1) problems.push(`my projects: no report button for ${project}`);
	await Promise.all([page.waitForURL((u) => u.search.includes(`project=${project}`)), button.click()]);
	steps++;
	await small('the form');
	const date = await page.locator('#f-date').inputValue();
	if (!/^\d{1,2}\/\d{1,2}\/25\d\d$/.test(date)) problems.push(`the form: the date ${date} is not in the Buddhist Era`);
	await page.locator('#f-percent').fill('35');
	await page.locator('#f-disbursed').fill('250,000.50');
	await page.locator('#f-narrative').fill('จัดอบรมครัวเรือนต้นแบบครบ 3 อำเภอ');
	await Promise.all([page.waitForURL((u) => u.search.includes('queued=')), page.locator('main form button[type=submit]').click()]);
	steps++;
	const ack = await page.locator('main').textContent();
	const seconds = (Date.now() - t0) / 1000;
	if (!ack.includes('รับรายงานแล้ว')) problems.push('no acknowledgement after sending');
	if (!ack.includes('รอนำเข้า')) problems.push('the acknowledgement does not show the status (queued)');
	console.log(`FIGURE staff report ${tag}: ${steps} steps (page loads and sends), 4 fields changed, ${seconds.toFixed(1)} s from the sign-in page to the acknowledgement`);
	// someone else's project, by hand
	expected.push(`project=${other}`);
	const r = await page.goto(new URL(`staff/staff.cgi/report?project=${other}`, base).href);
	if (r.status() !== 403) problems.push(`another's project answered ${r.status()}, not 403`);
	if (!(await page.locator('main').textContent()).includes('ไม่มีสิทธิ์')) problems.push('another\'s project: no Thai refusal');
	// sign out, then back
	await page.goto(new URL('staff/staff.cgi/projects', base).href);
	await Promise.all([page.waitForURL((u) => u.search.includes('signed-out')), page.locator('header form.logout button').click()]);
	expected.push('staff.cgi/projects', 'staff.cgi/report');
	await page.goBack();
	const back = await page.goto(new URL('staff/staff.cgi/projects', base).href);
	if (back.status() !== 401) problems.push(`after signing out, my projects answered ${back.status()}, not 401`);
	if (!(await page.locator('main').textContent()).includes('ยังไม่ได้เข้าสู่ระบบ')) problems.push('after signing out: no "signed out" message');
} catch (e) {
	problems.push(`error: ${e.message.split('\n')[0]} (at ${page.url()})`);
}
const real = problems.filter((p) => !(/^HTTP 40[13]:/.test(p) && expected.some((x) => p.includes(x))) &&
	!/^console error: Failed to load resource: .* status of 40[13]/.test(p) &&
	// a font preload the browser drops when the sign-in page is left at once
	!/^request failed: .*\.woff2 \(net::ERR_ABORTED\)$/.test(p));
if (real.length) fail(`staff journey ${tag}:\n    ${real.join('\n    ')}`);
else ok(`staff journey ${tag}: signed in, reported, saw it queued, refused another's project, signed out`);
await browser.close();
