// tests/browser/lib.mjs: shared helpers for the browser gates (issue 5).
// Debian's chromium driven by playwright-core, with the flags this closed
// network needs (see /work/.library/env notes and README "Tests").
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

// launch(): a headless browser.  Playwright gives each launch a new, empty
// profile directory (the same as a fresh --user-data-dir), removed on close.
export async function launch() {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update',
			'--disable-sync', '--disable-dev-shm-usage'],
	});
}

// watch(page, base): record console errors, page errors, failed requests,
// HTTP errors, any request that leaves 127.0.0.1 (those are aborted), every
// Content-Security-Policy violation (prefixed "CSP violation") and any page
// served without a Content-Security-Policy header (the configurations in
// docs/webserver/ send one).  Returns the list the page's problems are
// pushed to.
export async function watch(page, base) {
	const problems = [];
	const host = new URL(base).host;
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile || e.documentURI}:${e.lineNumber}`));
	});
	await page.route('**/*', (route) => {
		const u = new URL(route.request().url());
		if (u.protocol === 'data:' || u.protocol === 'blob:') return route.continue();
		if (u.hostname !== '127.0.0.1' || u.host !== host) {
			problems.push(`request leaves 127.0.0.1: ${u.href}`);
			return route.abort('blockedbyclient');
		}
		return route.continue();
	});
	page.on('console', (m) => {
		if (m.type() !== 'error') return;
		problems.push(/Content Security Policy|^CSP violation/.test(m.text()) ? `CSP violation: ${m.text()}` : `console error: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('requestfailed', (r) => {
		const f = r.failure();
		if (f && f.errorText === 'net::ERR_BLOCKED_BY_CLIENT') return; // counted above
		// the browser's own favicon fetch, cut off when a form is sent at once
		// (seen in t5160 under load): not something the page asked for
		if (f && f.errorText === 'net::ERR_ABORTED' && /\/favicon[^/]*$/.test(new URL(r.url()).pathname)) return;
		problems.push(`request failed: ${r.url()} (${f ? f.errorText : '?'})`);
	});
	page.on('response', async (r) => {
		if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
		if (r.request().resourceType() === 'document' && !(await r.allHeaders())['content-security-policy'])
			problems.push(`no Content-Security-Policy header: ${r.url()}`);
	});
	return problems;
}

// sideways(page): how many CSS pixels the page scrolls sideways (0 = none).
export async function sideways(page) {
	return page.evaluate(() => {
		const d = document.documentElement;
		return Math.max(d.scrollWidth, document.body ? document.body.scrollWidth : 0) - d.clientWidth;
	});
}

// htmlPages(dir): every *.html under dir, relative, sorted.
export function htmlPages(dir) {
	const out = [];
	(function walk(rel) {
		for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
			const r = rel ? `${rel}/${e.name}` : e.name;
			if (e.isDirectory()) walk(r);
			else if (e.name.endsWith('.html')) out.push(r);
		}
	})('');
	return out.sort();
}

// pageType(html): a signature of the template a page came from: the set of
// structural elements (tag plus class/id) it uses, ignoring inline text
// elements and repetition, so that pages of one template with different
// data share it and a new template gets a new one.
export function pageType(html) {
	const inline = new Set(['a', 'span', 'li', 'tr', 'td', 'th', 'br', 'p', 'strong', 'em', 'abbr', 'time', 'option', 'b', 'i', 'code', 'small']);
	const seen = new Set();
	for (const m of html.matchAll(/<([a-z][a-z0-9]*)(?:\s+(class|id)="([^"]*)")?/g)) {
		if (inline.has(m[1])) continue;
		seen.add(m[2] ? `${m[1]} ${m[2]}=${m[3]}` : m[1]);
	}
	return [...seen].sort().join('|');
}

export function fail(msg) { console.error(`not ok: ${msg}`); process.exitCode = 1; }
export function ok(msg) { console.log(`ok: ${msg}`); }
