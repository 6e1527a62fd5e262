import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { addPureAnnotations, PURE } from '../../scripts/pureAnnotations.js';

const P = PURE.trim();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

describe('addPureAnnotations', () => {
  it('marks calls and `new` in top-level initialisers, nested ones included', () => {
    const out = addPureAnnotations("export const A = Object.freeze(['a']);\nconst s = z.strictObject({ a: z.string().optional() });\nlet w = new WeakSet();");
    expect(out).toBe(`export const A = ${P} Object.freeze(['a']);\nconst s = ${P} z.strictObject({ a: ${P} z.string().optional() });\nlet w = ${P} new WeakSet();`);
  });

  it('leaves function bodies, classes and statements that are not declarations alone', () => {
    const src = 'export function f() { return g(); }\nconst h = () => g();\nclass K { static x = g(); }\nrun();\nconst m = { k() { return g(); } };';
    expect(addPureAnnotations(src)).toBe(src);
  });

  it('does not mark a call twice', () => {
    const src = `export const D = ${P} Decimal.clone({ precision: 60 });`;
    expect(addPureAnnotations(src)).toBe(src);
  });

  it('keeps every source module valid TypeScript with the same declarations', () => {
    for (const file of sourceFiles('src')) {
      const src = readFileSync(file, 'utf8');
      const out = addPureAnnotations(src, file);
      const parsed = ts.createSourceFile(file, out, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
      // no syntax error was introduced, and the text without the annotations is the source itself
      expect((parsed as unknown as { parseDiagnostics: unknown[] }).parseDiagnostics, file).toEqual([]);
      expect(out.split(PURE).join(''), file).toBe(src.split(PURE).join(''));
    }
  });

  describe('properties', () => {
    it('is idempotent on every source module', () => {
      for (const file of sourceFiles('src')) {
        const once = addPureAnnotations(readFileSync(file, 'utf8'), file);
        expect(addPureAnnotations(once, file), file).toBe(once);
      }
    });
  });
});
