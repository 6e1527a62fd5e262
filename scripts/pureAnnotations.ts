import ts from 'typescript';

/** The annotation bundlers (esbuild, Rollup, webpack/terser) read as "this call has no side effects". */
export const PURE = '/* @__PURE__ */ ';

/**
 * Marks every call and `new` in the initialisers of a module's top-level `const`/`let`
 * declarations with `/* @__PURE__ *\/`, so that a bundler may drop a table, a frozen list or
 * a zod schema that a program never uses. Function bodies are left alone (nothing there runs
 * at import). The source files stay as they are written; the build applies this on load.
 *
 * Safe for this code base because a top-level initialiser only builds a value (freezes it,
 * makes a schema, clones the Decimal constructor): the core does no I/O and keeps no state,
 * and a value that is never read need not be built.
 */
export function addPureAnnotations(source: string, fileName = 'module.ts'): string {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const starts = new Set<number>();
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return; // runs later, or not at all
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && !alreadyPure(source, node.getStart(file))) starts.add(node.getStart(file));
    ts.forEachChild(node, visit);
  };
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (declaration.initializer !== undefined) visit(declaration.initializer);
    }
  }
  let out = source;
  for (const at of [...starts].sort((a, b) => b - a)) out = out.slice(0, at) + PURE + out.slice(at);
  return out;
}

function alreadyPure(source: string, at: number): boolean {
  return /\/\*\s*[@#]__PURE__\s*\*\/\s*$/.test(source.slice(Math.max(0, at - 24), at));
}
