// tests/browser/pages.mjs: every page of a built site (of the per-project
// and per-respondent variants of a form or print sheet, the first), served over HTTP,
// in headless Chromium at phone size (360x640):
//   - loads with no console error, no failed request, no HTTP error, no
//     request that leaves 127.0.0.1, and under the server's
//     Content-Security-Policy with no violation (lib.mjs watch);
//   - does not scroll sideways, and no table cell is squeezed narrower than
//     40px (text one letter a line);
//   - axe-core finds no violation of the WCAG 2.0/2.1 A and AA rules;
// and one page of each page type (see lib.mjs pageType) is loaded again at
// desktop size (1280x800) and both are kept as screenshots in OUT_DIR.
// Environment: BASE_URL (http://127.0.0.1:PORT/), SITE_DIR (the built
// site), OUT_DIR (screenshots, axe-results.json), AXE=all|types (default
// all up to 150 pages, else types: one page per type), UNDER (only the
// pages under this folder, e.g. manual/), SHOTS=0 (no screenshots and no
// desktop pass: only the checks at 360 px).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { launch, watch, sideways, htmlPages, pageType, fail, ok } from './lib.mjs';

const require = createRequire(import.meta.url);
const AXE_CODE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const base = process.env.BASE_URL;
const site = process.env.SITE_DIR;
const out = process.env.OUT_DIR || 'tests/out/browser';

if (!base || !site) { console.error('BASE_URL and SITE_DIR are required'); process.exit(2); }
fs.mkdirSync(path.join(out, 'screenshots'), { recursive: true });

// the pages a form or the print kit has per project or per respondent type
// (forms/<form>/<project id>/, forms/<form>/respondent/<type>/,
// print/projects/<id>/) are one template with one value
// chosen: only the first of each set is visited (t0900 and t2000 read them
// all); 143 of the sample's 436 pages
const variant = (p) => p.match(/^(forms\/[^/]+\/respondent\/|forms\/[^/]+\/(?=[0-9])|print\/projects\/)[^/]+\/index\.html$/);
const seenVariant = new Set();
const pages = htmlPages(site).filter((p) => {
	if (process.env.UNDER && !p.startsWith(process.env.UNDER)) return false;
	const m = variant(p);
	if (!m) return true;
	if (seenVariant.has(m[1])) return false;
	seenVariant.add(m[1]);
	return true;
});
const types = new Map(); // signature -> first page
for (const p of pages) {
	const sig = pageType(fs.readFileSync(path.join(site, p), 'utf8'));
	if (!types.has(sig)) types.set(sig, p);
}
const reps = new Set(types.values());
// axe on every page while the site is small (150 pages), else on one page
// per type (every template); AXE=all checks every page
const axeAll = (process.env.AXE || (pages.length <= 150 ? 'all' : 'types')) === 'all';
const shots = process.env.SHOTS !== '0';
const shotName = (p, w) => `${p.replace(/\/index\.html$/, '').replace(/\.html$/, '').replace(/\//g, '__') || 'home'}-${w}.png`;

const browser = await launch();
const phone = await browser.newContext({ viewport: { width: 360, height: 640 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });
const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
const axeRules = new Set();
const axeSummary = [];
let loaded = 0, axePages = 0, incomplete = 0, problemsTotal = 0, cspViolations = 0;

async function visit(ctx, p, { axe, shot, width }) {
	const page = await ctx.newPage();
	const problems = await watch(page, base);
	const url = new URL(p, base).href;
	try {
		const res = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
		if (!res || res.status() !== 200) problems.push(`status ${res ? res.status() : 'none'}`);
		if (width === 360) {
			const over = await sideways(page);
			if (over > 0) problems.push(`scrolls sideways by ${over}px at 360x640`);
			// a table cell squeezed to the width of a letter (text broken one
			// character a line) is unreadable even when the page does not scroll
			const squeezed = await page.evaluate(() => [...document.querySelectorAll('td, th')]
				.filter((c) => c.textContent.trim().length > 3 && c.getBoundingClientRect().width > 0 && c.getBoundingClientRect().width < 40)
				.slice(0, 3).map((c) => `"${c.textContent.trim().slice(0, 30)}" ${Math.round(c.getBoundingClientRect().width)}px`));
			if (squeezed.length) problems.push(`table cells squeezed at 360x640: ${squeezed.join(', ')}`);
		}
		if (axe) {
			// evaluated, not added as a <script>: the CSP allows no inline script
			await page.evaluate(AXE_CODE);
			const r = await page.evaluate(async (tags) => {
				const res = await window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
				const ids = (l) => l.map((x) => x.id);
				return {
					rules: [...ids(res.violations), ...ids(res.passes), ...ids(res.incomplete), ...ids(res.inapplicable)],
					incomplete: ids(res.incomplete),
					violations: res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
						nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })) })),
				};
			}, AXE_TAGS);
			r.rules.forEach((x) => axeRules.add(x));
			axePages++;
			incomplete += r.incomplete.length;
			axeSummary.push({ page: p, violations: r.violations, incomplete: r.incomplete });
			for (const v of r.violations) {
				problems.push(`axe ${v.id} (${v.impact}): ${v.help}\n      ${v.nodes.map((n) => `${n.target}: ${n.summary.replace(/\n\s*/g, ' ')}`).join('\n      ')}`);
			}
		}
		if (shot) await page.screenshot({ path: path.join(out, 'screenshots', shotName(p, width)), fullPage: true });
	} catch (e) {
		problems.push(`error: ${e.message.split('\n')[0]}`);
	}
	await page.close();
	loaded++;
	cspViolations += problems.filter((x) => x.startsWith('CSP violation')).length;
	if (problems.length) { problemsTotal += problems.length; fail(`${p} at ${width}px:\n    ${problems.join('\n    ')}`); }
	return problems.length === 0;
}

// two pages at a time (the machines have 2 cores)
let good = 0, next = 0;
async function worker() {
	while (next < pages.length) {
		const p = pages[next++];
		if (await visit(phone, p, { axe: axeAll || reps.has(p), shot: shots && reps.has(p), width: 360 })) good++;
	}
}
await Promise.all([worker(), worker()]);
if (shots) for (const p of reps) await visit(desktop, p, { axe: false, shot: true, width: 1280 });
await browser.close();

fs.writeFileSync(path.join(out, 'axe-results.json'), JSON.stringify(axeSummary, null, 1));
fs.writeFileSync(path.join(out, 'page-types.txt'), [...types.values()].join('\n') + '\n');
const summary = `${pages.length} pages (${good} clean at 360x640), ${types.size} page types ` +
	`(screenshots at 360 and 1280 in ${path.join(out, 'screenshots')}), ` +
	`axe-core ${JSON.parse(fs.readFileSync(require.resolve('axe-core/package.json'))).version} on ${axePages} pages: ` +
	`${axeRules.size} WCAG 2.1 A/AA rules run, ${incomplete} needs-review results, ${cspViolations} CSP violations`;
if (problemsTotal === 0) ok(summary); else fail(`${problemsTotal} problem(s); ${summary}`);
console.log(`SUMMARY pages=${pages.length} types=${types.size} axe_pages=${axePages} axe_rules=${axeRules.size} loads=${loaded} csp_violations=${cspViolations}`);
