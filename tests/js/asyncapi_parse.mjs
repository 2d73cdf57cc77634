// Parses AsyncAPI documents with @asyncapi/parser, the parser AsyncAPI's own tools (the CLI,
// Studio, the generator) run, with its default rules: the document's structure against the
// AsyncAPI specification's JSON Schema, its references, and every schema against its format.
// Usage: node asyncapi_parse.mjs DOCUMENT.json... → one JSON line:
// {file: {"parsed": bool, "diagnostics": [{code, severity, message, path}]}}
// (severity: 0 error, 1 warning, 2 information, 3 hint).
import { readFileSync } from "node:fs";
import { Parser } from "@asyncapi/parser";

const parser = new Parser();
const results = {};
for (const file of process.argv.slice(2)) {
  const { document, diagnostics } = await parser.parse(readFileSync(file, "utf8"));
  results[file] = {
    parsed: document !== undefined,
    diagnostics: diagnostics.map((d) => ({
      code: String(d.code),
      severity: d.severity,
      message: d.message,
      path: d.path.join("/"),
    })),
  };
}
console.log(JSON.stringify(results));
