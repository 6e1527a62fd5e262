import { readdirSync } from 'node:fs';
import { readFixture, fixturePath } from './fixtures.js';

/** The text of seed plan `n` (0–4) from `test/fixtures/seeds/`. */
export function seedText(n: number): string {
  const name = readdirSync(fixturePath('seeds')).find((f) => f.startsWith(`00${n}_`));
  if (name === undefined) throw new Error(`no seed ${n}`);
  return readFixture(`seeds/${name}`);
}
