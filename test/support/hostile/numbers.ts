/**
 * Numbers that are not numbers: seed 001's 自评表 with one cell changed to a value a clerk never writes (`NaN%`,
 * `1e3%`, `Infinity` as 实际完成值, a numeric 分值 stored as `<v>NaN</v>`, a negative 分值). Built with jszip.
 */
import { promises as fs } from 'fs';
import path from 'path';
import JSZip from 'jszip';
import type { HostileCase } from './case';

export const SEED = path.resolve(__dirname, '../../fixtures/seed001-dept-hunan.xlsx');
const SELF_PART = 'xl/worksheets/sheet2.xml';

/** In seed 001's 自评表: row 13 大型疫情后勤保障次数 (分值 G13 5, 得分 H13 5); row 17 培训合格率 (100% / 100%, 5 / 5). */
export const CELLS = { actual: 'F17', weight: 'G13', score: 'H13' } as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A cell's new content: typed text, or the `<v>` of a numeric cell exactly as written in the XML. */
export type Content = { text: string } | { v: string };

/** Seed 001 with cells of its 自评表 replaced, keeping each cell's style. */
export async function seedWith(cells: Record<string, Content>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(await fs.readFile(SEED));
  let xml = await zip.file(SELF_PART)!.async('string');
  for (const [ref, content] of Object.entries(cells)) {
    const re = new RegExp(`<c r="${ref}"([^>]*?)(?:/>|>[\\s\\S]*?</c>)`);
    if (!re.test(xml)) throw new Error(`no cell ${ref} in the seed`);
    xml = xml.replace(re, (_m, attrs: string) => {
      const style = attrs.replace(/\s*t="\w+"/, '');
      return 'text' in content ? `<c r="${ref}"${style} t="inlineStr"><is><t>${esc(content.text)}</t></is></c>` : `<c r="${ref}"${style}><v>${content.v}</v></c>`;
    });
  }
  zip.file(SELF_PART, xml);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

export interface NumberCase {
  file: string;
  cells: Record<string, Content>;
  /** The finding the case must get: its rule and cell on 自评表, and words its Chinese message must hold. */
  rule: string;
  cell: string;
  says: string[];
}

/** Each hostile number, with the finding it must get (full marks stay on every row). */
export const NUMBER_CASES: NumberCase[] = [
  { file: 'actual-word-pct.xlsx', cells: { F17: { text: 'NaN%' } }, rule: 'value.not-number', cell: 'F17', says: ['培训合格率 实际完成值', '“NaN%”不是数字'] },
  { file: 'actual-neg-exp.xlsx', cells: { F17: { text: '-1e2%' } }, rule: 'value.not-number', cell: 'F17', says: ['培训合格率 实际完成值', '“-1e2%”是科学计数法'] },
  { file: 'actual-exp.xlsx', cells: { F17: { text: '1e3%' } }, rule: 'value.not-number', cell: 'F17', says: ['培训合格率 实际完成值', '“1e3%”是科学计数法'] },
  { file: 'actual-infinity.xlsx', cells: { F17: { text: 'Infinity' } }, rule: 'value.not-number', cell: 'F17', says: ['培训合格率 实际完成值', '“Infinity”不是数字'] },
  { file: 'target-exp.xlsx', cells: { E17: { text: '≥1e3%' } }, rule: 'value.not-number', cell: 'E17', says: ['培训合格率 年度指标值', '1e3%”是科学计数法'] },
  { file: 'actual-stored-value.xlsx', cells: { F19: { v: 'NaN' } }, rule: 'value.not-number', cell: 'F19', says: ['实际完成值', '存储的数值无效'] },
  { file: 'weight-word-text.xlsx', cells: { G13: { text: 'NaN' } }, rule: 'value.not-number', cell: 'G13', says: ['大型疫情后勤保障次数 分值', '“NaN”不是数字'] },
  { file: 'score-infinity-text.xlsx', cells: { H13: { text: '-Infinity' } }, rule: 'value.not-number', cell: 'H13', says: ['大型疫情后勤保障次数 得分', '“-Infinity”不是数字'] },
  { file: 'weight-stored-value.xlsx', cells: { G13: { v: 'NaN' } }, rule: 'value.not-number', cell: 'G13', says: ['大型疫情后勤保障次数 分值', '存储的数值无效'] },
  { file: 'score-inf-value.xlsx', cells: { H13: { v: 'INF' } }, rule: 'value.not-number', cell: 'H13', says: ['大型疫情后勤保障次数 得分', '存储的数值无效'] },
  { file: 'weight-huge-value.xlsx', cells: { G13: { v: '1e400' } }, rule: 'value.not-number', cell: 'G13', says: ['大型疫情后勤保障次数 分值', '存储的数值无效'] },
  { file: 'weight-negative.xlsx', cells: { G13: { v: '-5' }, H13: { v: '-5' } }, rule: 'self.score-cap', cell: 'G13', says: ['大型疫情后勤保障次数', '分值 -5 为负数'] },
  { file: 'actual-pct-negative.xlsx', cells: { F17: { text: '-100%' } }, rule: 'self.score-rule', cell: 'H17', says: ['培训合格率 得分 5', '应为 0'] },
];

export async function writeNumberCase(dir: string, c: NumberCase): Promise<string> {
  const file = path.join(dir, c.file);
  await fs.writeFile(file, await seedWith(c.cells));
  return file;
}

export const cases: HostileCase[] = NUMBER_CASES.map((c) => ({
  name: `${c.file.replace(/\.xlsx$/, '')}`,
  async build(dir: string) {
    await writeNumberCase(dir, c);
    return { args: ['check', '--format', 'json', c.file] };
  },
}));
