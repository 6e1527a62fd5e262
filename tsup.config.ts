import { defineConfig } from 'tsup';

/**
 * One build for every entry point:
 * - the pure core (`.`) and the Node-only file formats (`./io`): dual ESM + CJS, each with its own declarations;
 * - the `vn-poverty` bin: ESM only, no declarations.
 */
export default defineConfig([
  {
    entry: { index: 'src/index.ts', io: 'src/io/io.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    // shared chunks, so `vn-poverty` and `vn-poverty/io` use one copy of the core
    // (one VnPovertyError class for instanceof checks)
    splitting: true,
    treeshake: true,
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    dts: false,
    sourcemap: true,
    clean: false,
    target: 'node20',
    splitting: false,
    treeshake: true,
  },
]);
