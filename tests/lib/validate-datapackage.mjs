#!/usr/bin/env node
// validate-datapackage.mjs DIR/datapackage.json
//
// Checks a Frictionless Data Package against the official JSON Schemas
// (draft-04) that frictionlessdata's own npm packages ship:
//   node_modules/datapackage/lib/profiles/  data-package, tabular-data-package,
//                                           data-resource, tabular-data-resource
//   node_modules/tableschema/lib/profiles/  table-schema
// with Ajv's draft-04 class (ajv-draft-04) and ajv-formats, then reads each
// tabular resource's CSV back: the header must be the schema's field names,
// in order; every row must have one cell per field; every non-empty cell must
// parse as the field's type (integer, number, date, string, ...); a primary
// key must be present and unique.  A JSON resource must parse.
//
// Prints one line per problem ("datapackage.json: /resources/0: ...") and
// exits 1 if there was any; prints a one-line summary and exits 0 otherwise.
import { readFileSync, existsSync } from "node:fs";
import { dirname, join, normalize, isAbsolute } from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv-draft-04").default;
const addFormats = require("ajv-formats").default;

const file = process.argv[2];
if (!file) {
	console.error("usage: validate-datapackage.mjs DIR/datapackage.json");
	process.exit(2);
}
const dir = dirname(file);
const problems = [];
const bad = (where, msg) => problems.push(`${where}: ${msg}`);
const W = "datapackage.json";

// ---- the profiles ----
const dpDir = dirname(require.resolve("datapackage/lib/profiles/registry.json"));
const tsFile = require.resolve("tableschema/lib/profiles/table-schema.json");
const profileFile = {
	"data-package": join(dpDir, "data-package.json"),
	"tabular-data-package": join(dpDir, "tabular-data-package.json"),
	"data-resource": join(dpDir, "data-resource.json"),
	"tabular-data-resource": join(dpDir, "tabular-data-resource.json"),
	"table-schema": tsFile,
};
// The profiles carry annotations Ajv does not know (propertyOrder, context,
// examples, format "textarea"): not strict, textarea accepts anything.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
addFormats(ajv);
ajv.addFormat("textarea", true);
const compiled = {};
function validator(profile) {
	if (!(profile in profileFile))
		return null;
	if (!compiled[profile]) {
		const schema = JSON.parse(readFileSync(profileFile[profile], "utf8"));
		delete schema.$schema; // draft-04 is the class's own meta-schema
		compiled[profile] = ajv.compile(schema);
	}
	return compiled[profile];
}
// against(PROFILE, VALUE, PTR, NOTE): VALUE is at JSON pointer PTR of the
// package; each error is printed as "datapackage.json: PTR/... NOTE: message"
function against(profile, value, ptr, note = "") {
	const v = validator(profile);
	if (!v) {
		bad(`${W}: ${ptr || "/"}${note}`, `unknown profile "${profile}"`);
		return false;
	}
	if (v(value))
		return true;
	for (const e of v.errors)
		bad(`${W}: ${ptr + e.instancePath || "/"}${note}`, `${e.message}${e.params &&
			Object.keys(e.params).length ? " " + JSON.stringify(e.params) : ""} (${profile} ${e.schemaPath})`);
	return false;
}

// ---- CSV (RFC 4180, with the resource's dialect) ----
function parseCsv(text, delim, where) {
	const rows = [];
	let row = [], cell = "", i = 0, quoted = false, inq = false;
	const n = text.length;
	while (i < n) {
		const c = text[i];
		if (inq) {
			if (c === '"') {
				if (text[i + 1] === '"') {
					cell += '"';
					i += 2;
					continue;
				}
				inq = false;
				i++;
				continue;
			}
			cell += c;
			i++;
			continue;
		}
		if (c === '"') {
			if (cell !== "" || quoted) {
				bad(where, `row ${rows.length + 1}: a quote inside an unquoted cell`);
				return rows;
			}
			inq = quoted = true;
			i++;
		} else if (c === delim) {
			row.push(cell);
			cell = "";
			quoted = false;
			i++;
		} else if (c === "\r" || c === "\n") {
			if (c === "\r" && text[i + 1] !== "\n")
				bad(where, `row ${rows.length + 1}: a bare CR`);
			row.push(cell);
			rows.push(row);
			row = [];
			cell = "";
			quoted = false;
			i += c === "\r" ? 2 : 1;
		} else {
			if (quoted) {
				bad(where, `row ${rows.length + 1}: text after a closing quote`);
				return rows;
			}
			cell += c;
			i++;
		}
	}
	if (inq)
		bad(where, "the file ends inside a quoted cell");
	if (cell !== "" || row.length) {
		row.push(cell);
		rows.push(row);
	}
	return rows;
}

// ---- Table Schema types (the default formats) ----
function validDate(y, m, d) {
	const t = new Date(Date.UTC(y, m - 1, d));
	return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}
function castOk(field, v) {
	const dec = (field.decimalChar ?? ".").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
	switch (field.type) {
	case "string":
	case "any":
		return true;
	case "integer":
		return /^[+-]?[0-9]+$/.test(v);
	case "number":
		if (field.groupChar)
			v = v.split(field.groupChar).join("");
		return new RegExp(`^[+-]?([0-9]+(${dec}[0-9]*)?|${dec}[0-9]+)([eE][+-]?[0-9]+)?$`).test(v) ||
			/^(NaN|-?INF)$/.test(v);
	case "boolean":
		return (field.trueValues ?? ["true", "True", "TRUE", "1"]).includes(v) ||
			(field.falseValues ?? ["false", "False", "FALSE", "0"]).includes(v);
	case "date": {
		const m = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(v);
		return m !== null && validDate(+m[1], +m[2], +m[3]);
	}
	case "datetime":
		return /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/.test(v);
	case "year":
		return /^[0-9]{4}$/.test(v);
	default:
		return null; // a type this checker does not read: say so
	}
}

function checkTable(r, where) {
	const rel = r.path;
	const full = normalize(join(dir, rel));
	if (!existsSync(full)) {
		bad(where, `path "${rel}" does not exist`);
		return 0;
	}
	let text = readFileSync(full, "utf8");
	if (text.charCodeAt(0) === 0xfeff)
		text = text.slice(1);
	const d = r.dialect ?? {};
	const lt = d.lineTerminator ?? "\r\n";
	if (lt === "\r\n" && /(^|[^\r])\n/.test(text.replace(/"(?:[^"]|"")*"/g, "")))
		bad(where, `${rel}: a line ends in LF, the dialect says CRLF`);
	const rows = parseCsv(text, d.delimiter ?? ",", `${where} ${rel}`);
	const fields = r.schema.fields;
	const names = fields.map((f) => f.name);
	if (d.header !== false) {
		const header = rows.shift() ?? [];
		if (JSON.stringify(header) !== JSON.stringify(names))
			bad(where, `${rel}: header ${JSON.stringify(header)} is not the schema's fields ${JSON.stringify(names)}`);
	}
	const missing = r.schema.missingValues ?? [""];
	const pk = [].concat(r.schema.primaryKey ?? []);
	const seen = new Set();
	rows.forEach((row, i) => {
		const at = `${rel}:${i + 2}`;
		if (row.length !== fields.length) {
			bad(where, `${at}: ${row.length} cells, the schema has ${fields.length} fields`);
			return;
		}
		fields.forEach((f, k) => {
			const v = row[k];
			if (missing.includes(v)) {
				if (f.constraints?.required || pk.includes(f.name))
					bad(where, `${at}: ${f.name} is empty but required`);
				return;
			}
			const ok = castOk(f, v);
			if (ok === null)
				bad(where, `${f.name}: type "${f.type}" is not checked by this script`);
			else if (!ok)
				bad(where, `${at}: ${f.name} = ${JSON.stringify(v)} is not a valid ${f.type}`);
		});
		if (pk.length) {
			const key = JSON.stringify(pk.map((p) => row[names.indexOf(p)]));
			if (seen.has(key))
				bad(where, `${at}: duplicate primary key ${key}`);
			seen.add(key);
		}
	});
	return rows.length;
}

// ---- the package ----
let dp;
try {
	dp = JSON.parse(readFileSync(file, "utf8"));
} catch (e) {
	console.error(`${file}: ${e.message}`);
	process.exit(1);
}
const pkgProfile = dp.profile ?? "data-package";
against(pkgProfile, dp, "");
// the resources
let rows = 0, tables = 0;
(Array.isArray(dp.resources) ? dp.resources : []).forEach((r, i) => {
	const ptr = `/resources/${i}`, note = r && r.name ? ` (${r.name})` : "";
	const where = `${W}: ${ptr}${note}`;
	if (!r || typeof r !== "object")
		return; // the package profile has said so
	const prof = r.profile ?? "data-resource";
	against(prof, r, ptr, note);
	if (typeof r.path !== "string")
		return; // inline data or a list of paths: not what prongsai writes
	if (isAbsolute(r.path) || normalize(r.path).startsWith(".."))
		return; // the profile's path pattern has said so
	if (r.schema !== undefined) {
		if (typeof r.schema === "string") {
			bad(where, "schema is a reference, expected it inline");
			return;
		}
		if (!against("table-schema", r.schema, `${ptr}/schema`, note))
			return;
		tables++;
		rows += checkTable(r, where);
	} else if (!existsSync(join(dir, r.path))) {
		bad(where, `path "${r.path}" does not exist`);
	} else if ((r.format ?? "") === "json") {
		try {
			JSON.parse(readFileSync(join(dir, r.path), "utf8"));
		} catch (e) {
			bad(where, `${r.path}: ${e.message}`);
		}
	}
});
// a package of "data-package" whose tabular resources, on their own, also
// form a valid Tabular Data Package
if (pkgProfile === "data-package" && Array.isArray(dp.resources)) {
	const tab = dp.resources.filter((r) => r && r.profile === "tabular-data-resource");
	if (tab.length)
		against("tabular-data-package", { ...dp, profile: "tabular-data-package", resources: tab }, "",
			" (the tabular resources alone, as a tabular-data-package)");
}
for (const p of problems)
	console.log(p);
if (problems.length) {
	console.log(`${file}: ${problems.length} problem(s)`);
	process.exit(1);
}
console.log(`${file}: valid ${pkgProfile} (${dp.resources.length} resources, ${tables} tables, ${rows} rows)`);
