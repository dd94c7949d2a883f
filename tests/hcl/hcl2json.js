// node hcl2json.js FILE...  prints {"FILE": <hcl2json's JSON>, ...} on one
// line; a file hcl2json rejects maps to {"__hcl2json_error__": "message"}.
// @cdktf/hcl2json is HashiCorp's HCL parser compiled to wasm, the reference
// for the differential test.
'use strict';
const fs = require('fs');
const { parse } = require('@cdktf/hcl2json');

(async () => {
  const out = {};
  for (const file of process.argv.slice(2)) {
    try {
      out[file] = await parse(file, fs.readFileSync(file, 'utf8'));
    } catch (e) {
      out[file] = { __hcl2json_error__: String(e && e.message ? e.message : e) };
    }
  }
  process.stdout.write(JSON.stringify(out) + '\n');
})().catch((e) => {
  process.stderr.write(String(e) + '\n');
  process.exit(2);
});
