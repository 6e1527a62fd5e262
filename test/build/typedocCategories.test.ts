import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without declarations
import { FOLDER_CATEGORIES, categoryOfFile, documentTitle } from '../../scripts/typedoc-categories.mjs';

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

  it('puts the newer folders and the modules directly in src/ under a domain', () => {
    expect(category('/repo/src/documents/checkDocument.ts')).toBe('Documents');
    expect(category('/repo/src/text/foldVietnamese.ts')).toBe('Documents');
    expect(category('/repo/src/reports/summaryForm.ts')).toBe('Reports');
    expect(category('/repo/src/layouts.ts')).toBe('Reconciliation');
    expect(category('/repo/src/dates/vnDate.ts')).toBe('Status');
    expect(category('/repo/src/json/jsonResult.ts')).toBe('Numbers');
  });

  it('includes every guide in the site, in reading order', () => {
    const documents = (JSON.parse(readFileSync('typedoc.json', 'utf8')) as { projectDocuments: string[] }).projectDocuments;
    const guides = readdirSync('docs').filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`);
    expect([...documents].sort()).toEqual(guides.sort());
    expect(documents[0]).toBe('docs/numbers.md');
  });

  it('lists every guide under its title', () => {
    const title = documentTitle as (markdown: string) => string | undefined;
    expect(title(readFileSync('docs/check.md', 'utf8'))).toBe('Checking a whole plan: checkDocument and vn-poverty check');
    expect(title('no heading')).toBeUndefined();
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
