import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in `test/fixtures/` (seed tables, syn_cdta.csv). */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** The text of a file in `test/fixtures/`, read as UTF-8. */
export function readFixture(name: string): string {
  return readFileSync(fixturePath(name), 'utf8');
}
