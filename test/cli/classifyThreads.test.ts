import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_BAD_INPUT } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { tempDirs } from '../_helpers/tempDirs.js';
import { captureIo } from '../_helpers/cliIo.js';

const dir = tempDirs('vnp-classify-threads-');
const REGISTER = 'Mã hộ,Khu vực,Thu nhập/tháng (đồng),Số nhân khẩu,Thiếu hụt: bảo hiểm y tế\nH1,nông thôn,6.000.000,4,1\nH2,thành thị,9.000.000,2,0\nH3,nông thôn,2.000.000,4,\n';

describe('vn-poverty classify --threads', () => {
  it('refuses a count of threads that is not a whole number from 1 to 256, exit 2', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, REGISTER);
    for (const bad of ['0', '2.5', 'two', '257', '']) {
      const io = captureIo();
      expect(await runCli(['classify', input, '--as-of', '2024-01-01', '--threads', bad], io)).toBe(EXIT_BAD_INPUT);
      expect(io.err()).toMatch(/--threads must be a whole number from 1 to 256/);
    }
  });

  it('--threads 1 and --threads 4 write the same file and the same messages (a small file stays on one thread)', async () => {
    const d = dir();
    const input = join(d, 'ho.csv');
    writeFileSync(input, REGISTER);
    const seen = [];
    for (const t of ['1', '4']) {
      const io = captureIo();
      const out = join(d, `kq-${t}.csv`);
      const code = await runCli(['classify', input, '--as-of', '2024-01-01', '--out', out, '--threads', t], io);
      seen.push({ code, stdout: io.out().replace(out, 'OUT'), stderr: io.err(), bytes: readFileSync(out, 'latin1') });
    }
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]!.code).toBe(1); // H3: a blank flag that could decide its status
  });
});
