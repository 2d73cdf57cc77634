// Runs event pages' JavaScript validation snippets as an integrator's service would: imports
// each as a module (it fetches its schema), then calls its exported `validate` on payload files.
// Usage: node snippet_runner.mjs JOBS.json, JOBS mapping each snippet file to its payload files
// → one JSON line: {snippet: {payload: valid}}.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const jobs = JSON.parse(readFileSync(process.argv[2], "utf8"));
const verdicts = {};
for (const [snippet, payloads] of Object.entries(jobs)) {
  const { validate } = await import(pathToFileURL(resolve(snippet)).href);
  verdicts[snippet] = {};
  for (const file of payloads) {
    verdicts[snippet][file] = validate(JSON.parse(readFileSync(file, "utf8")));
  }
}
console.log(JSON.stringify(verdicts));
