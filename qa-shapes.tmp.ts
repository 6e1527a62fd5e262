import { checkDocument } from './src/documents/checkDocument.js';
import { readTextDocument } from './src/io/readTextDocument.js';
import { readFileSync } from 'node:fs';
for (const n of process.argv.slice(2)) {
  const r = checkDocument(readTextDocument(readFileSync(n, 'utf8')));
  console.log('==', n);
  for (const f of r.findings) console.log('  F', `${f.code} @${f.location.row ?? ''}:${f.location.column ?? ''} ${f.printed ?? ''} exp ${f.expected}`, '|', f.message.slice(0, 200));
  for (const u of r.unchecked) console.log('  U', u.reason.slice(0, 200));
}
