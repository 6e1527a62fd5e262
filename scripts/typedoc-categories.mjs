/**
 * TypeDoc plugin: groups the API reference by domain without a `@category` tag in every file.
 *
 * - Each export of a module page gets the category of the source folder it is declared in
 *   (`src/numbers/…` → Numbers, `src/status/…` → Status…, see FOLDER_CATEGORIES). An explicit
 *   `@category` tag in the TSDoc wins; a folder not in the table gets its own name, capitalised.
 * - The two entry points are shown under their package names (`vn-poverty`, `vn-poverty/io`)
 *   instead of their file names (`index`, `io/io`).
 * - The guides (`docs/*.md`, typedoc.json `projectDocuments`) are listed under their titles (the
 *   first `# ` heading), not their file names.
 *
 * Loaded by typedoc.json (`"plugin": ["./scripts/typedoc-categories.mjs"]`).
 */
import { Comment, CommentTag, Converter, ReflectionKind } from 'typedoc';
import ts from 'typescript';

/** Category of each source folder, in the order the reference shows them (typedoc.json `categoryOrder`). */
export const FOLDER_CATEGORIES = {
  numbers: 'Numbers',
  _internal: 'Numbers',
  errors: 'Numbers',
  json: 'Numbers',
  standards: 'Standards',
  status: 'Status',
  dates: 'Status',
  program: 'Status',
  areas: 'Areas and targets',
  targets: 'Areas and targets',
  reconcile: 'Reconciliation',
  budgets: 'Budgets',
  reports: 'Reports',
  documents: 'Documents',
  text: 'Documents',
  measures: 'Measures',
  io: 'IO',
};

/** Categories of the few modules that sit directly in `src/`. */
const FILE_CATEGORIES = { layouts: 'Reconciliation' };

/** Module names as a reader imports them. */
const MODULE_NAMES = { index: 'vn-poverty', 'io/io': 'vn-poverty/io' };

/** The category for a declaration in `fileName`, or undefined outside `src/`. */
export function categoryOfFile(fileName) {
  const top = /[\\/]src[\\/]([^\\/]+)\.ts$/.exec(fileName);
  if (top !== null && top[1] in FILE_CATEGORIES) return FILE_CATEGORIES[top[1]];
  const m = /[\\/]src[\\/]([^\\/]+)[\\/]/.exec(fileName);
  if (m === null) return undefined;
  const folder = m[1];
  return FOLDER_CATEGORIES[folder] ?? folder.replace(/^_/, '').replace(/^./, (c) => c.toUpperCase());
}

/** The title of a markdown guide: its first `# ` heading, without code marks; undefined without one. */
export function documentTitle(markdown) {
  const heading = /^#\s+(.+?)\s*$/m.exec(markdown);
  return heading === null ? undefined : heading[1].replace(/`/g, '');
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, reflection) => {
    const title = documentTitle(reflection.content.map((part) => part.text).join(''));
    if (title !== undefined) reflection.name = title;
  });
  /** @type {Map<import('typedoc').Reflection, string>} */
  const found = new Map();
  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (context, reflection) => {
    if (reflection.kindOf(ReflectionKind.Module) && reflection.name in MODULE_NAMES) {
      reflection.name = MODULE_NAMES[reflection.name];
      return;
    }
    if (!reflection.parent?.kindOf(ReflectionKind.SomeModule | ReflectionKind.Project)) return;
    let symbol = context.getSymbolFromReflection(reflection);
    if (symbol !== undefined && symbol.flags & ts.SymbolFlags.Alias) symbol = context.checker.getAliasedSymbol(symbol);
    const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
    const category = file === undefined ? undefined : categoryOfFile(file);
    if (category !== undefined) found.set(reflection, category);
  });
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, () => {
    for (const [reflection, category] of found) {
      const comments = [reflection.comment, ...(reflection.signatures ?? []).map((s) => s.comment)].filter(Boolean);
      if (comments.some((c) => c.blockTags.some((t) => t.tag === '@category'))) continue;
      // on the comment TypeDoc shows: the declaration's, else its first signature's (functions)
      const target = reflection.comment ?? reflection.signatures?.[0]?.comment ?? (reflection.comment = new Comment());
      target.blockTags.push(new CommentTag('@category', [{ kind: 'text', text: category }]));
    }
    found.clear();
  });
}
