// tests/browser/sheet.mjs: the monthly sheet in the staff area at 1280 px
// (issue 14): sign in, follow "my projects" to the sheet page, download the
// workbook (a zip: an .xlsx), upload a sheet with a bad row and see every
// problem listed by row and column, then upload a clean one and see it
// queued with its counts.  Environment: BASE_URL, STAFF_USER,
// STAFF_PASSWORD, BAD_SHEET, GOOD_SHEET, DOWNLOAD_TO.
import fs from 'node:fs';
import { launch, watch, sideways, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL;
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
const page = await ctx.newPage();
const problems = await watch(page, base);

async function wide(what) {
	const s = await sideways(page);
	if (s > 0) problems.push(`${what}: scrolls ${s} px sideways at 1280 px`);
}

try {
	await page.goto(new URL('staff/', base).href);
	await page.locator('#staff-id').fill(process.env.STAFF_USER);
	await page.locator('#staff-password').fill(process.env.STAFF_PASSWORD);
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/projects')), page.locator('form.staff-signin button[type=submit]').click()]);
	await Promise.all([page.waitForURL((u) => u.pathname.endsWith('/sheet')), page.locator('a[href$="/sheet"]').first().click()]);
	await wide('the sheet page');
	const xlsx = page.locator('a[href*="sheet.xlsx"]').first();
	if (!await xlsx.count()) problems.push('the sheet page: no workbook to download');
	else {
		const [dl] = await Promise.all([page.waitForEvent('download'), xlsx.click()]);
		await dl.saveAs(process.env.DOWNLOAD_TO);
		const head = fs.readFileSync(process.env.DOWNLOAD_TO).subarray(0, 2).toString('latin1');
		if (head !== 'PK') problems.push(`the downloaded workbook is not an .xlsx (starts with ${JSON.stringify(head)})`);
	}
	// a bad sheet: every problem listed, by row and column, nothing queued
	await page.setInputFiles('main input[type=file]', process.env.BAD_SHEET);
	await Promise.all([page.waitForLoadState('load'), page.locator('main form button[type=submit]').last().click()]);
	await page.waitForLoadState('load');
	const bad = await page.locator('main').innerText();
	if (!/แถว 2 คอลัมน์ 'ความก้าวหน้าสะสม[^']*'/.test(bad)) problems.push(`bad sheet: no "แถว 2 คอลัมน์ 'ความก้าวหน้าสะสม…'" in: ${bad.slice(0, 300)}`);
	if (!bad.includes('150')) problems.push('bad sheet: the wrong value 150 is not shown');
	await wide('the problems');
	// a clean sheet: one queue entry, with its counts
	await page.setInputFiles('main input[type=file]', process.env.GOOD_SHEET);
	await Promise.all([page.waitForURL((u) => u.search.includes('queued=')), page.locator('main form button[type=submit]').last().click()]);
	const good = await page.locator('main').innerText();
	if (!/รับตารางแล้ว เลขที่ #\d+: เข้าคิว 1 รายงาน/.test(good)) problems.push(`clean sheet: not acknowledged as queued: ${good.slice(0, 300)}`);
} catch (e) {
	problems.push(`error: ${e.message.split('\n')[0]} (at ${page.url()})`);
}
// the 422 of the bad sheet is on purpose
const real = problems.filter((p) => !/^HTTP 422: .*\/sheet$/.test(p) && !/^console error: Failed to load resource: .* status of 422/.test(p) &&
	!/^request failed: .*\.woff2 \(net::ERR_ABORTED\)$/.test(p));
if (real.length) fail(`sheet at 1280 px:\n    ${real.join('\n    ')}`);
else ok('sheet at 1280 px: downloaded the workbook, saw every problem of a bad sheet, queued a clean one');
await browser.close();
