// tests/browser/manual-shots.mjs: the user manual's screenshots (make
// manual, tests/lib/manual), taken from the served sample site by walking
// each journey the manual describes, as a phone (360 px) and a desktop
// (1280 px): SHOTS/<name>-360.png and SHOTS/<name>-1280.png (the same
// moment of the journey, the window resized).  Citizens
// (find a project, complain, track, rate), an officer (sign in, my
// projects, the monthly report, a correction, the spreadsheet), the
// complaint desk (the list, a case, the answer), executives (dashboard,
// reports) and the administrator's pages.  A step that cannot be done
// fails the run (the manual would describe a screen that is not there).
// Environment: BASE_URL, SHOTS, OFFICER, OFFICER_PASSWORD, DESK,
// DESK_PASSWORD, PROJECT, LAST_DATE (its last published report, d/m/BE),
// BAD_SHEET, GOOD_SHEET.
import fs from 'node:fs';
import path from 'node:path';
import { launch, watch, fail, ok } from './lib.mjs';

const env = process.env, base = env.BASE_URL, dir = env.SHOTS;
fs.mkdirSync(dir, { recursive: true });
const browser = await launch();
const url = (p) => new URL(p, base).href;
let shots = 0;

// one journey in one browser context; each shot is taken at both widths
// (the window resized, the page left as it is), so each journey is walked once
const WIDTHS = [[360, 640], [1280, 800]];
async function journey(fn) {
	const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, acceptDownloads: true });
	const page = await ctx.newPage();
	const problems = await watch(page, base);
	const shot = async (name, focus) => {
		for (const [width, height] of WIDTHS) {
			await page.setViewportSize({ width, height });
			if (focus) await page.locator(focus).first().scrollIntoViewIfNeeded();
			else await page.evaluate(() => window.scrollTo(0, 0));
			await page.screenshot({ path: path.join(dir, `${name}-${width}.png`) });
			shots++;
		}
		await page.setViewportSize({ width: WIDTHS[0][0], height: WIDTHS[0][1] });
	};
	try {
		await fn(page, shot);
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]} (at ${page.url()})`);
	}
	await ctx.close();
	// what the journeys provoke on purpose: the bad sheet's 422, fonts dropped on leaving
	return problems.filter((p) => !/HTTP 422|status of 422/.test(p) && !/\.woff2 \(net::ERR_ABORTED\)$/.test(p));
}

async function signIn(page, shot, user, pw, prefix) {
	await page.goto(url('staff/'));
	await page.locator('#staff-id').fill(user);
	await page.locator('#staff-password').fill(pw);
	if (prefix) await shot(`${prefix}-signin`, 'form.staff-signin button[type=submit]');
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/projects')), page.locator('form.staff-signin button[type=submit]').click()]);
}

let code = null;
async function citizen(page, shot) {
	await page.goto(url('index.html'));
	await shot('citizen-home');
	await page.goto(url('projects/index.html'));
	await shot('citizen-projects');
	await page.goto(url(`projects/${env.PROJECT}/index.html`));
	await shot('citizen-project');
	await shot('citizen-project-links', 'p.rate');
	await page.goto(url(`forms/complaint/${env.PROJECT}/index.html`));
	await page.locator('[name=subject]').fill('ป้ายโครงการชำรุด');
	await page.locator('[name=detail]').fill('ป้ายประชาสัมพันธ์โครงการหน้าศาลาประชาคมล้ม อยากให้ซ่อม');
	await page.locator('[name=district]').selectOption({ index: 1 });
	await page.locator('[name=category]').selectOption({ index: 1 });
	await shot('citizen-complaint');
	await page.locator('[name=consent]').check();
	await shot('citizen-complaint-send', 'form.submit-form button[type=submit]');
	await Promise.all([page.waitForURL(/\/thanks\/|\/track\?code=/, { timeout: 20000 }), page.locator('form.submit-form button[type=submit]').click()]);
	const c = new URL(page.url()).searchParams.get('code');
	if (!c) throw new Error('no tracking code after sending the complaint');
	code = c;
	await shot('citizen-code');
	await page.goto(url('track/index.html'));
	await page.locator('form.track-form input[name=code]').fill(c);
	await shot('citizen-track');
	await Promise.all([page.waitForURL((u) => u.search.includes('code=')), page.locator('form.track-form button[type=submit]').click()]);
	await shot('citizen-track-result');
	await page.goto(url(`projects/${env.PROJECT}/index.html`));
	await Promise.all([page.waitForURL(/\/forms\//), page.locator('p.rate a.button').first().click()]);
	await shot('citizen-rate');
}

async function officer(page, shot) {
	await signIn(page, shot, env.OFFICER, env.OFFICER_PASSWORD, 'officer');
	await shot('officer-projects');
	const report = page.locator(`a.button[href$="report?project=${env.PROJECT}"]`);
	await shot('officer-projects-button', `a.button[href$="report?project=${env.PROJECT}"]`);
	await Promise.all([page.waitForURL((u) => u.search.includes(`project=${env.PROJECT}`)), report.click()]);
	await shot('officer-form');
	await page.locator('#f-percent').fill('40');
	await page.locator('#f-disbursed').fill('260,000');
	await page.locator('#f-narrative').fill('จัดอบรมครัวเรือนต้นแบบครบ 3 อำเภอ');
	await shot('officer-form-filled', '#f-narrative');
	await shot('officer-form-send', 'main form button[type=submit]');
	await Promise.all([page.waitForURL((u) => u.search.includes('queued=')), page.locator('main form button[type=submit]').click()]);
	await shot('officer-queued');
	// a correction: the date of the last published report, then the reason
	await page.goto(url(`staff/staff.cgi/report?project=${env.PROJECT}`));
	await page.locator('#f-date').fill(env.LAST_DATE);
	await shot('officer-correction-date', '#f-date');
	await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type=submit]').click()]);
	if (!await page.locator('#e-date').count()) throw new Error('sending the same date again did not ask for a correction');
	await shot('officer-correction-error', '#e-date');
	await page.locator('#f-correction').fill('แก้ตัวเลขความก้าวหน้าที่พิมพ์ผิด');
	await shot('officer-correction', '#f-correction');
	await Promise.all([page.waitForURL((u) => u.search.includes('queued=')), page.locator('main form button[type=submit]').click()]);
	await page.goto(url('staff/staff.cgi/projects'));
	await shot('officer-status', '#sent');
	// the spreadsheet
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/sheet')), page.locator('a[href$="/sheet"]').first().click()]);
	await shot('officer-sheet');
	await page.setInputFiles('main input[type=file]', env.BAD_SHEET);
	await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type=submit]').last().click()]);
	await page.waitForLoadState('load');
	await shot('officer-sheet-problems');
	await page.setInputFiles('main input[type=file]', env.GOOD_SHEET);
	await Promise.all([page.waitForURL((u) => u.search.includes('queued=')), page.locator('main form button[type=submit]').last().click()]);
	await shot('officer-sheet-queued');
	await shot('officer-signout', 'header form.logout button');
	await Promise.all([page.waitForURL((u) => u.search.includes('signed-out')), page.locator('header form.logout button').click()]);
}

async function desk(page, shot) {
	await signIn(page, shot, env.DESK, env.DESK_PASSWORD, null);
	await shot('desk-projects', 'main a.button[href$="/cases"]');
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/cases')), page.locator('main a.button[href$="/cases"]').click()]);
	await shot('desk-cases');
	const link = page.locator(`main a[href$="case?code=${code}"]`);
	await Promise.all([page.waitForURL((u) => u.search.includes(code)), link.click()]);
	await shot('desk-case');
	await page.locator('#f-status').selectOption('resolved');
	await page.locator('#f-note').fill('ซ่อมป้ายโครงการเรียบร้อยแล้ว');
	await page.locator('#f-reason').fill('ดำเนินการตามคำร้องแล้วเสร็จ');
	await shot('desk-answer', '#f-reason');
	await Promise.all([page.waitForURL((u) => u.search.includes('queued=')), page.locator('main form button[type=submit]').click()]);
	await shot('desk-queued');
}

async function executive(page, shot) {
	await page.goto(url('dashboard/index.html'));
	await shot('exec-dashboard');
	await shot('exec-dashboard-alerts', '.alerts, main h2');
	await page.goto(url('reports/index.html'));
	await shot('exec-reports');
	const first = page.locator('main a[href*="half-year"], main a[href*="annual"]').first();
	await Promise.all([page.waitForLoadState('load'), first.click()]);
	await shot('exec-report');
}

async function admin(page, shot) {
	await page.goto(url('print/index.html'));
	await shot('admin-print');
	await page.goto(url('oit/index.html'));
	await shot('admin-oit');
	await page.goto(url('manual/index.html'));
	await shot('admin-manual');
}

const problems = (await Promise.all([journey(citizen).then(async (p) => p.concat(await journey(desk))),
	journey(officer), journey(executive), journey(admin)])).flat();
await browser.close();
if (problems.length) fail(`manual screenshots:\n    ${problems.join('\n    ')}`);
else ok(`manual screenshots: ${shots} taken in ${dir}`);
