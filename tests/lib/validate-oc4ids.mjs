#!/usr/bin/env node
// validate-oc4ids.mjs FILE: checks an OC4IDS project package against the
// official OC4IDS 0.9.5 project-package schema (tests/oc4ids-0.9.5/, JSON
// Schema draft-04, with ajv-draft-04 and ajv-formats).  The package schema
// names the project schema by its URL; the local copy is registered under
// that URL, so nothing is fetched.  Also: each status is in the
// projectStatus codelist and each metric id in metricID.  Prints one line
// per problem and exits 1 if any, else a one-line summary and exits 0.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const Ajv = require("ajv-draft-04").default;
const addFormats = require("ajv-formats").default;
const here = join(dirname(fileURLToPath(import.meta.url)), "..", "oc4ids-0.9.5");
const file = process.argv[2];
if (!file) { console.error("usage: validate-oc4ids.mjs FILE"); process.exit(2); }

const pkgSchema = JSON.parse(readFileSync(join(here, "project-package-schema.json"), "utf8"));
const projSchema = JSON.parse(readFileSync(join(here, "project-schema.json"), "utf8"));
const codes = (f) => readFileSync(join(here, f), "utf8").trim().split("\n").slice(1).map((l) => l.split(",")[0]);
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: true });
addFormats(ajv);
ajv.addSchema(projSchema, projSchema.id);
const validate = ajv.compile(pkgSchema);
const data = JSON.parse(readFileSync(file, "utf8"));
const problems = [];
if (!validate(data))
	for (const e of validate.errors) problems.push(`${e.instancePath || "/"}: ${e.message}${e.params && e.params.allowedValues ? ` (${e.params.allowedValues.join(", ")})` : ""}`);
const status = new Set(codes("projectStatus.csv")), metric = new Set(codes("metricID.csv"));
(data.projects || []).forEach((p, i) => {
	if (p.status && !status.has(p.status)) problems.push(`/projects/${i}/status: "${p.status}" is not in projectStatus.csv`);
	(p.metrics || []).forEach((m, j) => {
		if (!metric.has(m.id)) problems.push(`/projects/${i}/metrics/${j}/id: "${m.id}" is not in metricID.csv`);
	});
});
if (problems.length) {
	for (const p of problems) console.log(`${file}${p}`);
	console.log(`${problems.length} problem(s) against OC4IDS 0.9.5`);
	process.exit(1);
}
console.log(`ok: ${file}: ${data.projects.length} projects valid against OC4IDS 0.9.5`);
