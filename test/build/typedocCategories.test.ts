import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without declarations
import { FOLDER_CATEGORIES, categoryOfFile } from '../../scripts/typedoc-categories.mjs';

const categories = FOLDER_CATEGORIES as Readonly<Record<string, string>>;
const category = categoryOfFile as (fileName: string) => string | undefined;

describe('API reference categories', () => {
  it('gives a declaration the category of its source folder', () => {
    expect(category('/repo/src/numbers/apportion.ts')).toBe('Numbers');
    expect(category('/repo/src/status/recentlyEscaped.ts')).toBe('Status');
    expect(category('C:\\repo\\src\\targets\\splitTarget.ts')).toBe('Areas and targets');
    expect(category('/repo/src/io/readRows.ts')).toBe('IO');
    expect(category('/repo/src/index.ts')).toBeUndefined();
    expect(category('/repo/node_modules/zod/index.d.ts')).toBeUndefined();
  });

  it('names a folder it does not know after the folder', () => {
    expect(category('/repo/src/documents/readPlanDocument.ts')).toBe('Documents');
  });

  it('lists every category it assigns in typedoc.json, in the order of the guides', () => {
    const order = (JSON.parse(readFileSync('typedoc.json', 'utf8')) as { categoryOrder: string[] }).categoryOrder;
    for (const c of new Set(Object.values(categories))) expect(order, c).toContain(c);
    expect(order.at(-1)).toBe('*');
  });
});
