// tests/browser/print-pages.mjs: the print kit's pages printed to PDF by
// headless Chromium (A4, the page's own @page size): each prints on one
// page.  SITE_DIR: the built site; PAGES: paths under it, space-separated;
// OUT_DIR: where the PDFs go.  Prints "ok:"/"not ok:" lines; exits 1 on any
// failure.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from './lib.mjs';

const site = process.env.SITE_DIR, out = process.env.OUT_DIR;
const pages = (process.env.PAGES || '').split(/\s+/).filter(Boolean);
const browser = await launch();
const page = await (await browser.newContext()).newPage();
let bad = 0;
for (const p of pages) {
	await page.goto('file://' + path.join(site, p));
	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	const file = path.join(out, p.replace(/\/index\.html$/, '').replace(/\//g, '__') + '.pdf');
	fs.writeFileSync(file, pdf);
	const n = (pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) || []).length;
	if (n === 1) console.log(`ok: ${p} prints on 1 A4 page`);
	else { console.log(`not ok: ${p} prints on ${n} pages, want 1`); bad++; }
}
await browser.close();
process.exit(bad ? 1 : 0);
