/**
 * The five seed plans checked whole, as a reviewer would hand them over: read as text (tables as
 * tab-separated lines), no transcription, no layout declared. Prints each plan's findings and,
 * for seed 001, the table's inferred relations with their evidence.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { checkDocument, formatCheckFinding } from '../src/index.js';
import { readTextDocument } from '../src/io/io.js';

const dir = new URL('../test/fixtures/seeds/', import.meta.url);

/** The report printed by `npm run example`. */
export function report(): string {
  const lines: string[] = ['The seed plans checked whole (vn-poverty check PLAN.txt)'];
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
    const r = checkDocument(readTextDocument(readFileSync(new URL(name, dir), 'utf8'), { source: name }));
    const { errors, warnings, roundings } = r.counts;
    lines.push('', `${name}: ${errors} errors, ${warnings} warnings, ${roundings} roundings; ${r.tables.length} tables, ${r.claims.length} claims (${r.claims.filter((c) => c.status === 'consistent').length} consistent), ${r.unchecked.length} items unchecked`);
    for (const f of r.findings) lines.push(`  ${formatCheckFinding(f)}`);
    for (const t of r.tables) for (const e of t.evidence) lines.push(`    table ${t.location.block}: ${e.text}: holds in ${e.holds} of ${e.of}`);
  }
  return lines.join('\n');
}
