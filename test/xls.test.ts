/**
 * Legacy .xls (BIFF8) workbooks, as offices still send them: read into the same Snapshot as the .xlsx they were
 * saved from (the fixtures were written by LibreOffice's Excel 97 filter), checked alike, and written out as .xlsx.
 */
import { readFileSync, existsSync } from 'fs';
import path from 'path';
import * as XLSX from '@e965/xlsx';
import { check } from '../src/core/check';
import { readWorkbook } from '../src/host/xlsx/read';
import { XlsxReadError } from '../src/host/xlsx/guard';
import { fx, keys, runCli, tmpDir } from './support/helpers';

const bytes = (name: string) => new Uint8Array(readFileSync(fx(name)));
const tmp = () => tmpDir('jixiao-xls-');

describe('reading an .xls', () => {
  it.each(['seed001-dept-hunan', 'seed001-formulas', 'seed004-project'])('%s.xls reads and checks as its .xlsx does', async (name) => {
    const xls = await readWorkbook(bytes(`${name}.xls`), `${name}.xls`);
    const xlsx = await readWorkbook(bytes(`${name}.xlsx`), `${name}.xlsx`);
    expect([xls.format, xlsx.format]).toEqual(['xls', 'xlsx']);
    const a = check(xls.snapshot);
    const b = check(xlsx.snapshot);
    expect(a.info).toEqual(b.info);
    expect(keys(a.findings)).toEqual(keys(b.findings));
    expect(a.findings.map((f) => f.message)).toEqual(b.findings.map((f) => f.message));
  });

  it('keeps formulas, merges, number formats and the text a person sees', async () => {
    const { snapshot } = await readWorkbook(bytes('seed001-formulas.xls'), 'seed001-formulas.xls');
    const basic = snapshot.sheets[0];
    const at = (r: number, c: number) => ({ f: basic.formulas[r - basic.top][c - basic.left], v: basic.values[r - basic.top][c - basic.left], t: basic.text[r - basic.top][c - basic.left], z: basic.numberFormats[r - basic.top][c - basic.left] });
    expect(at(3, 3)).toEqual({ f: '=C4/B4', v: 2, t: '200.00%', z: '0.00%' });
    expect(at(5, 3).f).toBe('=SUM(D7,D10:D11)');
    expect(at(10, 1)).toMatchObject({ v: '1.70\u3000', t: '1.70\u3000' });
    expect(basic.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 6 });
    expect(basic.formulasR1C1?.[3 - basic.top][3 - basic.left]).toBe('=RC[-1]/RC[-2]');
  });

  it('refuses an encrypted workbook, a foreign OLE file and a truncated one, naming the file', async () => {
    const ole = (streams: Record<string, string>) => {
      const cfb = XLSX.CFB.utils.cfb_new();
      for (const [name, content] of Object.entries(streams)) XLSX.CFB.utils.cfb_add(cfb, `/${name}`, new TextEncoder().encode(content));
      return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
    };
    const code = async (b: Uint8Array, name: string) => {
      try {
        await readWorkbook(b, name);
        return 'read';
      } catch (e) {
        expect(e).toBeInstanceOf(XlsxReadError);
        expect((e as Error).message.startsWith(`${name}: `)).toBe(true);
        return (e as XlsxReadError).code;
      }
    };
    expect(await code(ole({ EncryptionInfo: 'x', EncryptedPackage: 'y' }), '加密.xlsx')).toBe('encrypted');
    expect(await code(ole({ WordDocument: 'x' }), 'memo.doc.xls')).toBe('not-xlsx');
    const real = bytes('seed004-project.xls');
    expect(await code(real.subarray(0, 600), 'cut.xls')).toBe('truncated');
  });
});

describe('the CLI on .xls inputs', () => {
  it('checks an .xls beside an .xlsx, and reports over both', async () => {
    const r = await runCli('check', fx('seed004-project.xls'), fx('seed001-dept-hunan.xls'), '--format', 'json');
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { ok: boolean }) => f.ok)).toEqual([true, true]);
    expect(doc.files[1].findings).toContainEqual(expect.objectContaining({ rule: 'basic.sum', cell: 'B6' }));
    const out = path.join(tmp(), '汇总.xlsx');
    const rep = await runCli('report', fx('seed004-project.xls'), fx('seed001-dept-hunan.xlsx'), '-o', out);
    expect(rep.code).toBe(1);
    expect(existsSync(out)).toBe(true);
  });

  it('writes the fixed copy of an .xls as .xlsx, and says so', async () => {
    const dir = tmp();
    const r = await runCli('fix', fx('seed004-project.xls'), '-o', path.join(dir, 'fixed.xls'));
    expect(r.code).toBe(0);
    expect(r.err).toContain('副本以 .xlsx 格式写入');
    expect(existsSync(path.join(dir, 'fixed.xls'))).toBe(false);
    const fixed = await readWorkbook(new Uint8Array(readFileSync(path.join(dir, 'fixed.xlsx'))), 'fixed.xlsx');
    expect(fixed.format).toBe('xlsx');
    const sheet = fixed.snapshot.sheets[0];
    expect(sheet.formulas[5 - sheet.top][7 - sheet.left]).toBe('=ROUND(F6*MIN(E6/D6,1),2)');
    expect(check(fixed.snapshot).findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('annotates .xls inputs into .xlsx copies', async () => {
    const dir = tmp();
    const r = await runCli('check', fx('seed004-project.xls'), fx('seed001-dept-hunan.xls'), '--annotate', dir);
    expect(r.code).toBe(1);
    for (const n of ['seed004-project.xlsx', 'seed001-dept-hunan.xlsx']) {
      const { snapshot } = await readWorkbook(new Uint8Array(readFileSync(path.join(dir, n))), n);
      expect(snapshot.sheets.map((s) => s.name)).toContain('审核意见');
    }
  });
});

describe('codepages of legacy .xls text, through the platform’s TextDecoder', () => {
  it('decodes GBK, UTF-16 (as SheetJS hands it: arrays and binary strings) and UTF-8 under its alias, and names a codepage it cannot', async () => {
    const { WEB_CODEPAGES } = await import('../src/host/xlsx/codepages');
    const gbk = [0xbc, 0xa8, 0xd0, 0xa7]; // 绩效
    expect(WEB_CODEPAGES.utils.decode(936, gbk)).toBe('绩效');
    expect(WEB_CODEPAGES.utils.decode(936, String.fromCharCode(...gbk))).toBe('绩效');
    expect(WEB_CODEPAGES.utils.decode(1200, [0xe9, 0x7e, 0x48, 0x65])).toBe('绩效');
    expect(WEB_CODEPAGES.utils.decode(-535, new TextEncoder().encode('自评表'))).toBe('自评表');
    expect(WEB_CODEPAGES.utils.decode(1252, [0x41, 0xe9])).toBe('Aé');
    expect(() => WEB_CODEPAGES.utils.decode(37, [0x40])).toThrow(/Unsupported codepage 37/);
  });
});
