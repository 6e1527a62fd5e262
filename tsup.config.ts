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
 *   reaches (`sideEffects: false` in package.json). The core (`.`), the file formats
 *   (`./io` = `dist/io/io.js`) and the bin (`dist/cli/main.js`) import the same modules, so
 *   there is one copy of the core and one `VnPovertyError` class.
 * - **CJS, bundled** (`dist/index.cjs`, `dist/io.cjs`): for `require`. A shared chunk keeps one
 *   copy of the core between the two entries. Its declarations are the same per-module files as
 *   `.d.cts` (`scripts/cts-declarations.mjs`).
 *
 * Both mark the calls in top-level initialisers `/* @__PURE__ *\/` as they load each file, so a
 * bundler can drop the frozen tables and zod schemas a program does not use.
 */
export default defineConfig([
  {
    entry: ['src/**/*.ts'],
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
]);
