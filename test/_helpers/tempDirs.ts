import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/**
 * A maker of temporary directories named `<prefix>XXXXXX` in the system's temporary folder.
 * Call it at the top of a test file (or of a `describe`); every directory the returned
 * function makes is removed, with its contents, once those tests have run.
 *
 * @example
 * const tempDir = tempDirs('vnp-write-');
 * it('writes', async () => { const path = join(tempDir(), 'xa.csv'); … });
 */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}
