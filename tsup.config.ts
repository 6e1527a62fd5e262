import { defineConfig } from 'tsup';

/**
 * One build for every entry point: the pure core (`.`), and later the Node-only
 * edges (`./io`, the `vn-poverty` bin). Dual ESM + CJS, each with its own declarations.
 */
export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  splitting: false,
  treeshake: true,
});
