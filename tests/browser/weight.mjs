// tests/browser/weight.mjs: what one search query transfers on a large site,
// measured in headless Chromium (issue 17.3).  Serves SITE_DIR itself on
// 127.0.0.1 (a port the system chooses), opens search/index.html?q=... in a
// fresh context per query (nothing cached), waits for the answer and adds
// up the bytes of every file under search/ the page fetched (the map,
// word shards, document chunks).  Then opens PAGER (a later page of a
// listing) at 360 px: the page links fit the width, and rel=next leads on.
// Prints "QUERY <bytes> <results> <query>" lines and "MAX <bytes>"; exits 1
// on a problem.  Environment: SITE_DIR, QUERIES (one a line), PAGER.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch } from './lib.mjs';

const dir = process.env.SITE_DIR;
const queries = (process.env.QUERIES || '').split('\n').filter(Boolean);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css',
	'.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.json': 'application/json' };
const server = http.createServer((req, res) => {
	const u = decodeURIComponent(new URL(req.url, 'http://x').pathname);
	const f = path.join(dir, path.normalize(u).replace(/^(\.\.[/\\])+/, ''));
	if (!f.startsWith(dir) || !fs.existsSync(f) || fs.statSync(f).isDirectory()) { res.writeHead(404); res.end(); return; }
	res.writeHead(200, { 'content-type': types[path.extname(f)] || 'application/octet-stream' });
	fs.createReadStream(f).pipe(res);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;
const browser = await launch();
const problems = [];
let max = 0;
try {
	for (const q of queries) {
		const ctx = await browser.newContext({ viewport: { width: 360, height: 640 } });
		const page = await ctx.newPage();
		let bytes = 0;
		page.on('response', async (r) => {
			if (!/\/search\/(meta|t\/|d\/)/.test(new URL(r.url()).pathname)) return;
			try { bytes += (await r.body()).length; } catch (e) { problems.push(`${q}: ${r.url()} unread`); }
		});
		page.on('pageerror', (e) => problems.push(`${q}: page error ${e.message}`));
		await page.goto(`${base}search/index.html?q=${encodeURIComponent(q)}`);
		await page.waitForFunction(() => /พบ/.test(document.getElementById('search-status').textContent), null, { timeout: 20000 })
			.catch(() => problems.push(`${q}: no answer`));
		await page.waitForLoadState('networkidle');
		const n = await page.$$eval('#search-results li', (l) => l.length);
		console.log(`QUERY ${bytes} ${n} ${q}`);
		if (bytes > max) max = bytes;
		await ctx.close();
	}
	console.log(`MAX ${max}`);
	if (process.env.PAGER) {
		const ctx = await browser.newContext({ viewport: { width: 360, height: 640 }, javaScriptEnabled: false });
		const page = await ctx.newPage();
		await page.goto(base + process.env.PAGER);
		const m = await page.evaluate(() => {
			const nav = document.querySelector('nav.pager');
			const next = nav && nav.querySelector('a[rel=next]');
			return { nav: !!nav, wide: document.documentElement.scrollWidth, navWide: nav ? nav.scrollWidth : 0,
				next: next && next.getAttribute('href') };
		});
		if (!m.nav) problems.push(`${process.env.PAGER}: no page links`);
		if (m.wide > 360 || m.navWide > 360) problems.push(`${process.env.PAGER}: ${m.wide} px wide at 360 px (links ${m.navWide} px)`);
		if (!m.next) problems.push(`${process.env.PAGER}: no rel=next link`);
		else {
			const r = await page.goto(new URL(m.next, page.url()).href);
			if (!r || r.status() !== 200) problems.push(`rel=next ${m.next}: not a page`);
		}
		console.log(`PAGER ${process.env.PAGER} ${m.wide}px next=${m.next}`);
		await ctx.close();
	}
} finally {
	await browser.close();
	server.close();
}
for (const p of problems) console.log(`PROBLEM ${p}`);
process.exit(problems.length ? 1 : 0);
