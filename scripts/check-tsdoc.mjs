#!/usr/bin/env node
/**
 * Lists the public exports (of `src/index.ts` and `src/io/io.ts`) whose declaration has no
 * TSDoc, and the exported functions and constants whose TSDoc has no `@example`.
 * Exits 1 when any is found. Run by `npm run docs`.
 */
import ts from 'typescript';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const entries = ['src/index.ts', 'src/io/io.ts'].map((p) => resolve(root, p));
const program = ts.createProgram(entries, { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022, strict: true });
const checker = program.getTypeChecker();
const missingDoc = [];
const missingExample = [];
for (const entry of entries) {
  const sf = program.getSourceFile(entry);
  const moduleSymbol = checker.getSymbolAtLocation(sf);
  for (const exp of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exp.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exp) : exp;
    const decl = symbol.declarations?.[0];
    if (!decl) continue;
    const where = `${exp.getName()} (${decl.getSourceFile().fileName.replace(root + '/', '')})`;
    const docs = symbol.getDocumentationComment(checker);
    const tags = symbol.getJsDocTags(checker);
    // overloads: look at every declaration
    const allTags = [...tags, ...(symbol.declarations ?? []).flatMap((d) => ts.getJSDocTags(d).map((t) => ({ name: t.tagName.text })))];
    const hasDoc = docs.length > 0 || (symbol.declarations ?? []).some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
    if (!hasDoc) missingDoc.push(where);
    const isValue = symbol.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Variable | ts.SymbolFlags.Class);
    if (isValue && hasDoc && !allTags.some((t) => t.name === 'example')) missingExample.push(where);
  }
}
if (missingDoc.length) console.log(`exports without TSDoc (${missingDoc.length}):\n  ${missingDoc.join('\n  ')}`);
if (missingExample.length) console.log(`functions and constants without @example (${missingExample.length}):\n  ${missingExample.join('\n  ')}`);
if (missingDoc.length || missingExample.length) process.exit(1);
console.log('every public export has TSDoc; every exported function and constant has an @example');
