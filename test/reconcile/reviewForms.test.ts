import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_FINDINGS, EXIT_OK } from '../../src/cli/cliSupport.js';
import { runCli } from '../../src/cli/runCli.js';
import { captureIo } from '../_helpers/cliIo.js';
import { districtByArea, districtWithFormulas, provinceByDistrict } from '../_helpers/reviewForms.js';
import { tempDirs } from '../_helpers/tempDirs.js';

const tempDir = tempDirs('vnp-review-forms-');

/** Runs `vn-poverty reconcile FILE.xlsx [--layout summary-form]` on the bytes; exit code and the findings (error and rounding lines). */
async function reconcile(bytes: Uint8Array, layout: boolean): Promise<{ code: number; findings: string[]; out: string }> {
  const path = join(tempDir(), 'mau-so-3.xlsx');
  writeFileSync(path, bytes);
  const io = captureIo({ files: (p) => readFileSync(p, 'utf8') });
  const code = await runCli(['reconcile', path, ...(layout ? ['--layout', 'summary-form'] : [])], io);
  const out = io.out();
  return { code, out: out + io.err(), findings: out.split('\n').filter((l) => /^(error|rounding|warning) /.test(l)) };
}

describe('review result forms (Mẫu số 3) as submitted in XLSX', () => {
  for (const layout of [true, false]) {
    const how = layout ? '--layout summary-form' : 'no layout';
    it(`${how}: the error-free twins reconcile (column numbers 1…18 and A B 1…, signatures, a note and a date under the table, “-” for none, formulas saved as 0)`, async () => {
      for (const bytes of [await provinceByDistrict(null), await districtByArea(null), await districtWithFormulas(null)]) {
        const r = await reconcile(bytes, layout);
        expect(r.findings, r.out).toEqual([]);
        expect(r.code).toBe(EXIT_OK);
      }
    });

    it(`${how}: a district's figure, the total's and a commune's flow balance planted wrong are each found once, where they are`, async () => {
      const district = await reconcile(await provinceByDistrict('district'), layout);
      expect(district.code).toBe(EXIT_FINDINGS);
      expect(district.findings).toHaveLength(1);
      expect(district.findings[0]).toMatch(/^error {5}Huyện Bắc Hà · .*printed 483, expected 473 \(Huyện Bắc Hà = sum of 2 rows \(Xã Bản Phố, Xã Na Hối\)\)/);
      const total = await reconcile(await provinceByDistrict('total'), layout);
      expect(total.findings).toHaveLength(1);
      expect(total.findings[0]).toMatch(/^error {5}Tổng cộng · .*printed 206, expected 207 \(Tổng cộng = sum of 5 rows/);
      const balance = await reconcile(await provinceByDistrict('balance'), layout);
      expect(balance.findings.filter((l) => l.startsWith('error'))).toHaveLength(1);
      expect(balance.findings[0]).toMatch(/^error {5}Xã Lùng Vai · .*printed 184, expected 183/);
      const block = await reconcile(await districtByArea('block'), layout);
      expect(block.findings).toHaveLength(1);
      expect(block.findings[0]).toMatch(/^error {5}Khu vực nông thôn · .*printed 18, expected 17 \(Khu vực nông thôn = sum of 4 rows/);
    });
  }

  it('--layout summary-form: the signature block is not read as a row (before: 38 findings on the twin), the column numbers 1…18 neither', async () => {
    const r = await reconcile(await provinceByDistrict(null), true);
    expect(r.out).toContain('summary-form: header: lines 5–7, column numbers on line 8; 8 rows, 5 units');
    expect(r.out).toContain('line 16 Tổng cộng: total of 5 rows, lines 10–12, 14, 15 (inferred)');
  });

  it('no layout: the rows under the table are named as notes, not checked', async () => {
    const r = await reconcile(await districtByArea(null), false);
    expect(r.out).toContain('note: rows 18, 19, 20 under the table hold no figure: read as notes or signatures, not as rows of the table');
  });

  it('no layout: a stale saved end breaks its commune and the total, and counts once against the flow (before: not found)', async () => {
    const stale = await reconcile(await districtWithFormulas('stale'), false);
    expect(stale.code).toBe(EXIT_FINDINGS);
    expect(stale.findings.filter((l) => l.startsWith('error'))[0]).toMatch(/^error {5}Xã Bản Lầu · Số hộ nghèo cuối năm · Số hộ: printed 265, expected 263 \(Số hộ nghèo cuối năm · Số hộ = Số hộ nghèo đầu năm · Số hộ − Số hộ thoát nghèo/);
  });

  it('--layout summary-form: ethnic-minority households over the poor households, and a stale saved value of a formula', async () => {
    const ethnic = await reconcile(await districtByArea('ethnic'), true);
    expect(ethnic.findings).toHaveLength(1);
    expect(ethnic.findings[0]).toMatch(/^error {5}Xã Bản Phố · end_em: 199 ≤ 164 does not hold \(end_em ≤ end\), by 35/);
    const stale = await reconcile(await districtWithFormulas('stale'), true);
    expect(stale.findings.filter((l) => l.startsWith('error'))[0]).toMatch(/^error {5}Xã Bản Lầu · end: printed 265, expected 263 \(end = start \+ newly \+ re − exits\)/);
  });
});
