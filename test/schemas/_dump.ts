import { readFileSync, readdirSync } from 'node:fs';
import { parseFile } from '../../core/parse/parse-file';
import { validateSchema } from '../../core/validate/schema';
const dir = 'test/fixtures/schema';
for (const f of readdirSync(dir).filter((f) => f.endsWith('.yaml') && !f.startsWith('valid-')).sort()) {
  console.log(`== ${f}`);
  const file = parseFile(f, readFileSync(`${dir}/${f}`, 'utf8'));
  for (const d of validateSchema(file)) console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1} ${d.rule}: ${d.message}${d.fix ? `  [fix: ${d.fix.title} -> ${d.fix.edits[0].newText}]` : ''}`);
}
