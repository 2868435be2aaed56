// tests/browser/manual-pdf.mjs: the user manual as an A4 PDF (make
// manual, tests/lib/manual): Chromium prints manual/print/ of the served
// site (each part from a new page, "หน้า N / M" at the foot of every page
// from the theme's print styles), then writes each part's page number
// into the table of contents (read back from the first print with
// pdftotext) and prints again.  Environment: BASE_URL, PDF (the file).
import { spawnSync } from 'node:child_process';
import { launch, watch, fail, ok } from './lib.mjs';

const base = process.env.BASE_URL, out = process.env.PDF;
const browser = await launch();
const page = await browser.newPage();
const problems = await watch(page, base);
const pdf = () => page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true, outline: true, tagged: true });
let numbered = 0;
try {
	await page.goto(new URL('manual/print/index.html', base).href);
	await page.emulateMedia({ media: 'print' });
	await page.evaluate(() => document.fonts.ready);
	await page.evaluate(() => Promise.all([...document.images].map((i) => i.complete ? null : new Promise((r) => { i.onload = i.onerror = r; }))));
	await pdf();
	const text = spawnSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
	if (text.status !== 0) throw new Error(`pdftotext: ${text.stderr}`);
	const pages = text.stdout.split('\f').map((p) => p.split('\n').map((l) => l.trim()).filter(Boolean));
	const parts = await page.evaluate(() => [...document.querySelectorAll('.manual-part')].map((s) => ({ id: s.id, title: s.querySelector('h2').textContent.trim() })));
	let from = 1;
	const found = {};
	for (const p of parts) {
		for (let i = from; i < pages.length; i++)
			if (pages[i][0] === p.title) { found[p.id] = i + 1; from = i + 1; break; }
		if (!found[p.id]) problems.push(`part "${p.title}" not found at the top of a page of the first print`);
	}
	numbered = Object.keys(found).length;
	await page.evaluate((f) => { for (const s of document.querySelectorAll('.toc-page')) s.textContent = f[s.dataset.for] ? `หน้า ${f[s.dataset.for]}` : ''; }, found);
	await pdf();
} catch (e) {
	problems.push(`error: ${e.message.split('\n')[0]}`);
}
await browser.close();
if (problems.length) fail(`manual PDF:\n    ${problems.join('\n    ')}`);
else ok(`manual PDF: ${out}, ${numbered} parts numbered in the contents`);
