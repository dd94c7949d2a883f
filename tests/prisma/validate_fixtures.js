// node validate_fixtures.js PRISMA_DUMP DIR...
//
// Every Prisma schema under the DIRs is checked by Prisma's own validator
// (@prisma/prisma-schema-wasm, the `validate` of the Prisma CLI without its
// engine download) and by our parser (PRISMA_DUMP), and both must agree:
// - the .prisma files of one folder are one schema (a multi-file schema in
//   prisma/schema/ is validated as a whole);
// - a schema belongs to Prisma 7 when the nearest package.json of its case
//   folder names prisma 7+, or when there is none and a prisma.config.* sits
//   in the case folder; otherwise to Prisma 6. Prisma 6 schemas go to the
//   pinned 6.x build (npm alias prisma-schema-wasm-6), Prisma 7 schemas to
//   the current build (prisma-schema-wasm-7);
// - a schema in a case folder named parse-error[.variant] must be rejected
//   by both; every other schema must be accepted by both.
// Exit status: 0 all agree, 1 a disagreement, 77 (skipped) when the npm
// packages are not installed.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');

function load(name) {
  try {
    return require(name);
  } catch (e) {
    return null;
  }
}
const validators = { 6: load('prisma-schema-wasm-6'), 7: load('prisma-schema-wasm-7') };
if (!validators[6] || !validators[7]) {
  console.log('SKIP: prisma-schema-wasm-6/7 are not installed (npm ci --ignore-scripts)');
  process.exit(77);
}

const [dump, ...roots] = process.argv.slice(2);
if (!dump || roots.length === 0) {
  console.error('usage: node validate_fixtures.js PRISMA_DUMP DIR...');
  process.exit(2);
}

// Folder -> its .prisma files, for every folder below the roots.
const groups = new Map();
function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(p);
    } else if (entry.name.endsWith('.prisma')) {
      if (!groups.has(dir)) groups.set(dir, []);
      groups.get(dir).push(p);
    }
  }
}
for (const root of roots) walk(root);

// The case folder: the folder right below testdata/<pack>/, else the root.
function caseFolder(dir) {
  const parts = path.relative(process.cwd(), dir).split(path.sep);
  const i = parts.indexOf('testdata');
  if (i >= 0 && parts.length > i + 2) return parts.slice(0, i + 3).join(path.sep);
  return dir;
}

function prismaMajor(pkgFile) {
  try {
    const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8'));
    const deps = Object.assign({}, pkg.dependencies, pkg.devDependencies);
    for (const name of ['prisma', '@prisma/client']) {
      const m = /([0-9]+)/.exec(deps[name] || '');
      if (m) return Number(m[1]);
    }
  } catch (e) {
    // not a package.json we can read: no opinion
  }
  return 0;
}

function generation(dir) {
  const top = path.resolve(caseFolder(dir));
  let hasConfig = false;
  for (let d = path.resolve(dir); ; d = path.dirname(d)) {
    const major = prismaMajor(path.join(d, 'package.json'));
    if (major) return major >= 7 ? 7 : 6;
    if (fs.existsSync(d) && fs.readdirSync(d).some((n) => /^prisma\.config\.(ts|mts|cts|js|mjs|cjs)$/.test(n))) {
      hasConfig = true;
    }
    if (d === top || d === path.dirname(d)) break;
  }
  return hasConfig ? 7 : 6;
}

const files = [...groups.values()].flat();
const ours = new Map();
const out = execFileSync(dump, files, { encoding: 'utf8', maxBuffer: 64 << 20 });
for (const line of out.split('\n')) {
  if (!line) continue;
  const r = JSON.parse(line);
  ours.set(r.file, r);
}

let failures = 0;
let checked = 0;
for (const [dir, schemaFiles] of groups) {
  const gen = generation(dir);
  const expectInvalid = /^parse-error(\.|$)/.test(path.basename(caseFolder(dir)));
  let prismaOk = true;
  let prismaMessage = '';
  try {
    validators[gen].validate(
      JSON.stringify({
        prismaSchema: schemaFiles.map((f) => [path.basename(f), fs.readFileSync(f, 'utf8')]),
        noColor: true,
      }),
    );
  } catch (e) {
    prismaOk = false;
    try {
      prismaMessage = JSON.parse(String(e.message || e)).message;
    } catch (ignored) {
      prismaMessage = String(e.message || e);
    }
  }
  const ourErrors = schemaFiles.flatMap((f) => (ours.get(f) || { errors: [{ message: 'not dumped' }] }).errors.map((x) => `${f}:${x.line}:${x.column}: ${x.message}`));
  const ourOk = ourErrors.length === 0;
  checked++;
  const where = `${dir} (Prisma ${gen}, ${schemaFiles.length} file${schemaFiles.length > 1 ? 's' : ''})`;
  const problems = [];
  if (prismaOk !== ourOk) problems.push(`Prisma ${prismaOk ? 'accepts' : 'rejects'} it, our parser ${ourOk ? 'accepts' : 'rejects'} it`);
  if (expectInvalid && (prismaOk || ourOk)) problems.push('a parse-error fixture must be rejected by both');
  if (!expectInvalid && !prismaOk) problems.push('a fixture schema must be valid for Prisma');
  if (problems.length) {
    failures++;
    console.log(`FAIL ${where}: ${problems.join('; ')}`);
    if (prismaMessage) console.log(`  Prisma: ${prismaMessage.split('\n').filter((l) => l.startsWith('error')).join('\n          ')}`);
    for (const e of ourErrors) console.log(`  ours:   ${e}`);
  } else {
    console.log(`ok   ${where}: ${prismaOk ? 'valid' : 'rejected'} by both`);
  }
}
console.log(`${checked} schemas, ${failures} disagreement${failures === 1 ? '' : 's'}`);
process.exit(failures ? 1 : 0);
