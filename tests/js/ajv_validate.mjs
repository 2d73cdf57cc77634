// Validates payload files against a JSON Schema with Ajv's Draft 2020-12 class and ajv-formats,
// in Ajv's default (strict) mode, as an integrator's Node.js service would.
// Usage: node ajv_validate.mjs SCHEMA.json PAYLOAD.json... → one JSON line: {file: errors[]}.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

const [schemaFile, ...payloadFiles] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")));
const results = {};
for (const file of payloadFiles) {
  const valid = validate(JSON.parse(readFileSync(file, "utf8")));
  results[file] = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
}
console.log(JSON.stringify(results));
