import { readFile } from 'node:fs/promises';
import { defineConfig, type Options } from 'tsup';
import { addPureAnnotations } from './scripts/pureAnnotations.js';

/** Loads each source module with its top-level initialisers marked pure (see scripts/pureAnnotations.ts). */
const pureTopLevel: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'pure-top-level',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: addPureAnnotations(await readFile(args.path, 'utf8'), args.path),
      loader: 'ts',
    }));
  },
};

/**
 * The build, in two parts (the declarations come from `tsc -p tsconfig.build.json`):
 *
 * - **ESM, one module per source module** (`bundle: false`): `dist/index.js` re-exports from
 *   `dist/numbers/apportion.js` and so on, so a bundler keeps only the modules a program
 *   reaches (`sideEffects: false` in package.json). The core (`.`) and the file formats
 *   (`./io` = `dist/io/io.js`) import the same modules, so there is one copy of the core and
 *   one `VnPovertyError` class. The CLI's modules are not in it: only the bin runs them.
 * - **CJS, bundled** (`dist/index.cjs`, `dist/io.cjs`): for `require`. A shared chunk keeps one
 *   copy of the core between the two entries. Its declarations are the same per-module files as
 *   `.d.cts` (`scripts/cts-declarations.mjs`).
 *
 * - **The bin, bundled** (`dist/cli/main.js`, with `dist/cli/_registerChild.js` for
 *   `--threads` and chunks beside them): the CLI with zod, decimal.js and the other dependencies
 *   inside, so `vn-poverty classify` loads a handful of files instead of about 170 modules (104
 *   of them zod's): about 0.1 s less start-up. Each command's code is a chunk loaded when the
 *   command runs. exceljs stays outside (an optional peer). The bin never hands its objects to
 *   the per-module build or takes them from it, so its own copy of `VnPovertyError` is the only
 *   one its `instanceof` checks meet.
 *
 * All mark the calls in top-level initialisers `/* @__PURE__ *\/` as they load each file, so a
 * bundler can drop the frozen tables and zod schemas a program does not use.
 */
export default defineConfig([
  {
    entry: ['src/**/*.ts', '!src/cli/**'],
    format: ['esm'],
    bundle: false,
    dts: false,
    sourcemap: true,
    clean: true,
    target: 'node20',
    esbuildPlugins: [pureTopLevel],
  },
  {
    entry: { index: 'src/index.ts', io: 'src/io/io.ts' },
    format: ['cjs'],
    dts: false, // one .d.cts per module, from tsc's .d.ts (scripts/cts-declarations.mjs)
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: true,
    treeshake: true,
    esbuildPlugins: [pureTopLevel],
  },
  {
    // `_parallelRegister` finds its child as `./_registerChild.js` beside its own chunk, and
    // `runBin` the package.json two folders up: both hold with every file in dist/cli
    entry: { main: 'src/cli/main.ts', _registerChild: 'src/io/_registerChild.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    dts: false,
    sourcemap: false, // Node reads none without --enable-source-maps; the code is not minified, its stack traces readable
    clean: false,
    target: 'node20',
    splitting: true,
    treeshake: true,
    noExternal: ['zod', 'decimal.js', 'fast-xml-parser', 'fflate', 'saxes'],
    external: ['exceljs'],
    esbuildPlugins: [pureTopLevel],
  },
]);
