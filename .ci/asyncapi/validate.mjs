// Validates asyncapi.yaml with the official AsyncAPI parser (@asyncapi/parser, pinned in package.json):
// the document against the AsyncAPI 3.0.0 JSON Schema, its references resolved, and the parser's
// own rules (Spectral's AsyncAPI ruleset). Prints every diagnostic; exits 1 on an error or a warning.
import { resolve } from 'node:path';
import { Parser, fromFile } from '@asyncapi/parser';

const file = resolve(process.argv[2] ?? 'asyncapi.yaml');
const { document, diagnostics } = await fromFile(new Parser(), file).parse();
const severities = ['error', 'warning', 'info', 'hint'];
let failing = 0;
for (const d of diagnostics) {
  if (d.severity <= 1) failing++;
  console.log(`${severities[d.severity] ?? d.severity}: ${d.code}: ${d.message} at /${(d.path ?? []).join('/')}`);
}
if (!document) {
  console.log(`asyncapi: ${file} is not a valid AsyncAPI document`);
  process.exit(1);
}
console.log(`asyncapi: ${file}: AsyncAPI ${document.version()}, ${document.messages().length} messages, `
  + `${document.operations().length} operations, ${failing} errors or warnings`);
process.exit(failing === 0 ? 0 : 1);
