import { spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { existsSync, promises as fs, readFileSync, realpathSync, writeFileSync } from 'fs';
import path from 'path';
import { unzipSync } from 'fflate';
import { check } from '../src/core/check';
import type { Finding } from '../src/core/rules/types';
import { annotateDocx } from '../src/host/docx/annotate';
import { readDocx } from '../src/host/docx/read';
import { withWorkbook } from '../src/host/docx/with';
import { emptySheet } from '../src/core/snapshot';
import { readXlsx } from '../src/host/xlsx/read';
import { docxBytes, docxPackage, documentXml, DocBlock, W_NS } from '../scripts/fixtures/docx';
import { runCli, tmpDir } from './support/helpers';

jest.setTimeout(60_000);

const EXAMPLES = path.join(__dirname, '..', 'examples');
const hash = async (p: string) => createHash('sha256').update(await fs.readFile(p)).digest('hex');

/** The seed 001 workbook's two forms as Word tables, with a caption each: its 三公经费 196.26 ≠ 197.96 is in 表1. */
async function formsReport(): Promise<DocBlock[]> {
  const { snapshot } = await readXlsx(new Uint8Array(await fs.readFile(path.join(EXAMPLES, 'seed001-dept-hunan.xlsx'))), 'w.xlsx');
  const result = check(snapshot);
  const blocks: DocBlock[] = ['绩效自评报告', '一、基本情况', '本单位2022年度三公经费支出196.26万元。'];
  for (const t of result.tables) {
    const sh = snapshot.sheets.find((x) => x.name === t.sheet)!;
    const rows = sh.text.slice(t.range.top - sh.top, t.range.bottom - sh.top + 1).map((r) => r.slice(t.range.left - sh.left, t.range.right - sh.left + 1));
    blocks.push(t.kind === 'basic' ? '表1 部门整体支出绩效基础数据表' : '表2 部门整体支出绩效自评表', { rows });
  }
  blocks.push('二、结论', '自评得分为100分。');
  return blocks;
}

describe('jixiao check REPORT.docx', () => {
  let dir: string;
  let report: string;
  beforeAll(async () => {
    dir = tmpDir('jixiao-docx-');
    report = path.join(dir, '报告.docx');
    await fs.writeFile(report, docxBytes(await formsReport()));
  });

  it('checks the forms inside a report and names the table in the text output', async () => {
    const r = await runCli('check', report);
    expect(r.code).toBe(1);
    expect(r.out).toContain('表1 部门整体支出绩效基础数据表!B6');
    expect(r.out).toContain('basic.sum');
  });

  it('gives CLI.md JSON: sheet names the table; a document without forms still reads', async () => {
    const r = await runCli('check', report, '--format', 'json');
    const doc = JSON.parse(r.out);
    const file = doc.files[0];
    expect(file).toMatchObject({ file: report, ok: true, error: null });
    expect(file.tables.map((t: { kind: string; sheet: string }) => `${t.kind}@${t.sheet}`)).toEqual(['basic@表1 部门整体支出绩效基础数据表', 'self@表2 部门整体支出绩效自评表']);
    expect(file.findings).toContainEqual(expect.objectContaining({ rule: 'basic.sum', sheet: '表1 部门整体支出绩效基础数据表', cell: 'B6', expected: '197.96', actual: '196.26' }));
    const seed000 = JSON.parse((await runCli('check', path.join(EXAMPLES, 'seed000-report.docx'), '--format', 'json')).out).files[0];
    expect(seed000.ok).toBe(true);
    for (const f of seed000.findings) expect(f.sheet === '正文' ? /^¶\d+$/.test(f.cell) : /^[A-Z]+\d+$/.test(f.cell)).toBe(true);
  });

  it('--with: the workbook’s sheets join the report, and its own findings are left to its own check', async () => {
    const wb = path.join(EXAMPLES, 'seed001-dept-hunan.xlsx');
    const alone = JSON.parse((await runCli('check', wb, '--format', 'json')).out).files[0];
    expect(alone.findings.length).toBeGreaterThan(0);
    const r = await runCli('check', path.join(EXAMPLES, 'seed003-report.docx'), '--with', wb, '--format', 'json');
    const file = JSON.parse(r.out).files[0];
    expect(file.ok).toBe(true);
    const wbSheets = new Set(alone.tables.map((t: { sheet: string }) => t.sheet));
    expect(file.findings.filter((f: { sheet: string }) => wbSheets.has(f.sheet))).toEqual([]);
    expect(file.tables).toEqual([]);
    const bad = await runCli('check', report, '--with', path.join(dir, 'missing.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('missing.xlsx');
  });

  it('--annotate writes a Word copy with comments, atomically, and leaves the input as it was', async () => {
    const before = await hash(report);
    const out = path.join(dir, '报告-标注.docx');
    const r = await runCli('check', report, '--annotate', out);
    expect(r.code).toBe(1);
    expect(await hash(report)).toBe(before);
    const parts = unzipSync(new Uint8Array(await fs.readFile(out)));
    const comments = new TextDecoder().decode(parts['word/comments.xml']);
    expect(comments).toContain('三公经费');
    expect(comments).toContain('197.96');
    expect(new TextDecoder().decode(parts['[Content_Types].xml'])).toContain('/word/comments.xml');
    expect(new TextDecoder().decode(parts['word/_rels/document.xml.rels'])).toContain('relationships/comments');
    const body = new TextDecoder().decode(parts['word/document.xml']);
    expect(body.match(/<w:commentRangeStart /g)!.length).toBe(body.match(/<w:commentReference /g)!.length);
    // The copy reads back to the same tables and text.
    expect(readDocx(new Uint8Array(await fs.readFile(out)), out).snapshot.sheets.map((s) => s.text)).toEqual(readDocx(new Uint8Array(await fs.readFile(report)), report).snapshot.sheets.map((s) => s.text));
    expect((await fs.readdir(dir)).filter((n) => n.includes('.tmp'))).toEqual([]);
    const refused = await runCli('check', report, '--annotate', report);
    expect(refused.code).toBe(2);
    expect(await hash(report)).toBe(before);
  });

  it('fix refuses a report with a clear message', async () => {
    const r = await runCli('fix', report, '-o', path.join(dir, 'fixed.docx'));
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/Word 报告/);
    expect(existsSync(path.join(dir, 'fixed.docx'))).toBe(false);
  });

  it('report and a folder walk take .docx beside workbooks; a .doc and a renamed file get clear messages', async () => {
    const folder = path.join(dir, 'folder');
    await fs.mkdir(folder);
    await fs.copyFile(report, path.join(folder, 'a.docx'));
    await fs.copyFile(path.join(EXAMPLES, 'seed001-dept-hunan.xlsx'), path.join(folder, 'b.xlsx'));
    await fs.writeFile(path.join(folder, 'c.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]));
    await fs.copyFile(path.join(EXAMPLES, 'seed001-dept-hunan.xlsx'), path.join(folder, 'd.docx'));
    const r = JSON.parse((await runCli('check', folder, path.join(folder, 'c.doc'), '--format', 'json')).out);
    const byName = Object.fromEntries(r.files.map((f: { file: string }) => [path.basename(f.file), f]));
    expect(Object.keys(byName).sort()).toEqual(['a.docx', 'b.xlsx', 'c.doc', 'd.docx']);
    expect(byName['a.docx'].ok).toBe(true);
    expect(byName['c.doc'].error.message).toMatch(/c\.doc: .*另存为 \.docx/);
    expect(byName['d.docx'].error.message).toMatch(/d\.docx: .*Excel 工作簿/);
    const out = path.join(dir, '汇总.xlsx');
    const rep = await runCli('report', path.join(folder, 'a.docx'), path.join(folder, 'b.xlsx'), '-o', out);
    expect(rep.code).toBe(1);
    expect(rep.out).toContain('2 个文件');
  });
});

describe('--with merges the workbook into the report', () => {
  it('keeps names unique, prefixing a clashing sheet with the workbook name, and moves its defined names along', () => {
    const doc = { sheets: [emptySheet('表1', 1, 1), emptySheet('正文', 1, 1)] };
    const wb = { sheets: [emptySheet('表1', 2, 2), emptySheet('自评表', 2, 2)], names: [{ name: 'jixiao_self', ref: "'表1'!$A$1:$B$2" }] };
    const { snapshot, sheets } = withWorkbook(doc, wb, '自评表.xlsx');
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['表1', '正文', '自评表.xlsx：表1', '自评表']);
    expect([...sheets]).toEqual(['自评表.xlsx：表1', '自评表']);
    expect(snapshot.names).toEqual([{ name: 'jixiao_self', ref: "'自评表.xlsx：表1'!$A$1:$B$2" }]);
  });
});

describe('the annotated Word copy', () => {
  const blocks: DocBlock[] = ['第一段。', '', '表3：“三公经费”支出情况表     单位：万元', { rows: [['项目', '预算', '决算', '差异率'], ['公务用车运行维护费', '18.00', '17.99', '0.00%'], [{ text: '合计', span: 2 }, '17.99', '']] }, '预算执行率为100.00%。'];
  const bytes = docxBytes(blocks);
  const finding = (sheet: string, cell: string, message: string): Finding => ({ rule: 'table.rate', severity: 'error', sheet, cell, message, expected: '-0.0006', actual: '0', table: null, ref: null, params: {}, key: 'table.rate' });

  it('puts each finding on its cell (a merged area’s top-left) or paragraph, several on one cell in one comment', () => {
    const copy = annotateDocx(bytes, [finding('表3 “三公经费”支出情况表', 'D2', '差异率应为 −0.06%'), finding('表3 “三公经费”支出情况表', 'B3', '合计'), finding('表3 “三公经费”支出情况表', 'D2', '第二条'), finding('正文', '¶3', '执行率')], 'zh-CN', 'r.docx', new Date(Date.UTC(2024, 0, 2)));
    const parts = unzipSync(copy);
    const body = new TextDecoder().decode(parts['word/document.xml']);
    const comments = new TextDecoder().decode(parts['word/comments.xml']);
    expect(comments.match(/<w:comment /g)!.length).toBe(3);
    expect(comments).toContain('错误：差异率应为 −0.06%（应为 -0.0006，实为 0）');
    // The merged 合计 cell (A3:B3) carries the finding named on B3.
    expect(body).toMatch(/<w:commentRangeStart w:id="\d+"\/><w:r><w:t xml:space="preserve">合计/);
    expect(body).toMatch(/预算执行率为100\.00%。<\/w:t><\/w:r><w:commentRangeEnd w:id="\d+"\/>/);
    expect(readDocx(copy, 'copy.docx').snapshot.sheets.map((s) => s.text)).toEqual(readDocx(bytes, 'r.docx').snapshot.sheets.map((s) => s.text));
  });

  it('adds to the comments a document already has, with ids of its own', () => {
    const xml = documentXml(['<w:p><w:commentRangeStart w:id="0"/><w:r><w:t>已有批注的段落</w:t></w:r><w:commentRangeEnd w:id="0"/><w:r><w:commentReference w:id="0"/></w:r></w:p>', '<w:p><w:r><w:t>第二段</w:t></w:r></w:p>'], true);
    const had = `<?xml version="1.0" encoding="UTF-8"?><w:comments xmlns:w="${W_NS}"><w:comment w:id="0" w:author="审核人"><w:p><w:r><w:t>原批注</w:t></w:r></w:p></w:comment></w:comments>`;
    const input = docxPackage(xml, { 'word/comments.xml': had });
    const parts = unzipSync(annotateDocx(input, [finding('正文', '¶2', '新问题')], 'en-US', 'c.docx'));
    const comments = new TextDecoder().decode(parts['word/comments.xml']);
    expect(comments).toContain('原批注');
    expect(comments).toMatch(/<w:comment w:id="1" w:author="jixiao"[^>]*><w:p><w:r><w:t xml:space="preserve">Error: 新问题/);
    expect(new TextDecoder().decode(parts['word/document.xml'])).toContain('<w:t>第二段</w:t></w:r><w:commentRangeEnd w:id="1"/><w:r><w:commentReference w:id="1"/></w:r></w:p>');
  });

  // LibreOffice with its Writer (a Calc-only install cannot open a .docx at all).
  const soffice = spawnSync('which', ['soffice'], { encoding: 'utf8' }).stdout.trim();
  const writer = !!soffice && existsSync(path.join(path.dirname(realpathSync(soffice)), 'libswlo.so'));
  (writer ? it : it.skip)('opens in LibreOffice Writer (headless conversion to text)', () => {
    const dir = tmpDir('jixiao-docx-lo-');
    const input = path.join(dir, 'annotated.docx');
    writeFileSync(input, annotateDocx(bytes, [finding('正文', '¶1', '第一段的批注')], 'zh-CN', 'r.docx'));
    const r = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, input], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(0);
    const txt = readFileSync(path.join(dir, 'annotated.txt'), 'utf8');
    expect(txt).toContain('第一段。');
    expect(txt).toContain('预算执行率为100.00%。');
    // Converted to OpenDocument, the comment is an annotation with its text.
    const odt = spawnSync(soffice, ['--headless', '--norestore', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'odt', '--outdir', dir, input], { encoding: 'utf8', timeout: 120_000 });
    expect(odt.status).toBe(0);
    const content = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(path.join(dir, 'annotated.odt'))))['content.xml']);
    expect(content).toMatch(/<office:annotation\b[\s\S]*第一段的批注[\s\S]*<\/office:annotation>/);
  });
});
