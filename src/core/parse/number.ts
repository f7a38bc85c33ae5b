import { D, Dec, decFromNumber } from '../decimal';
import { CellRef, CellType, RawValue } from '../snapshot';
import { compactText, isNotApplicable } from './text';

export interface ParsedNumber {
  value: Dec;
  percent: boolean;
  unit: string | null;
  /** Decimal places of the value as written, counted on the fraction for a percent ("45.38%" → 4). */
  places: number;
}

const UNITS = [
  '万元', '亿元', '千元', '元', '万', '人次', '人', '次', '个', '天', '户', '场', '家', '辆', '台', '件', '项', '套', '份', '名',
  '批', '栋', '间', '平方米', 'm2', '公里', 'km', '小时', '分钟', '分', '张', '所', '处', '条', '篇', '期', '册', '本', '座', '盏', '亩',
];
const UNIT_RE = new RegExp(`(${UNITS.join('|')})(/(年|月|日|天|人|次))?$`);
const NUM_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(\.\d+)?$/;

/** Reads number text: `1,386.49`, `1.70`, `95%`, `2170.20万元`, `１２`, ` -0.06% `. Returns null for anything else. */
export function parseNumberText(input: string): ParsedNumber | null {
  let t = compactText(input);
  if (!t) return null;
  let percent = false;
  let permille = false;
  let unit: string | null = null;
  if (t.endsWith('%')) {
    percent = true;
    t = t.slice(0, -1);
  } else if (t.endsWith('‰')) {
    permille = true;
    t = t.slice(0, -1);
  } else {
    const m = UNIT_RE.exec(t);
    if (m && m.index > 0) {
      unit = m[0];
      t = t.slice(0, m.index);
    }
  }
  const m = NUM_RE.exec(t);
  if (!m) return null;
  const digits = `${m[1] ?? ''}${(m[2] || '0').replace(/,/g, '')}${m[3] ?? ''}`;
  const written = m[3] ? m[3].length - 1 : 0;
  let value = new D(digits);
  let places = written;
  if (percent) {
    value = value.dividedBy(100);
    places += 2;
  } else if (permille) {
    value = value.dividedBy(1000);
    places += 3;
    unit = '‰';
  }
  return { value, percent, unit, places };
}

export type ReadKind = 'empty' | 'na' | 'number' | 'text' | 'error' | 'bool';

/** One cell as the rules see it. */
export interface CellRead {
  ref: CellRef;
  text: string;
  raw: RawValue;
  formula: string;
  numFmt: string;
  kind: ReadKind;
  value: Dec | null;
  /** A number that was stored as text (`"1.70\u3000"`, `"2170.20万元"`). */
  fromText: boolean;
  percent: boolean;
  /** Decimal places of the value as shown, on the fraction for percents; null when unknown. */
  places: number | null;
}

const formatPlaces = new Map<string, number | null>();

/** Decimal places a number format shows, on the fraction for percents; null for General. Cached per format. */
function placesFromFormat(fmt: string): number | null {
  let p = formatPlaces.get(fmt);
  if (p !== undefined) return p;
  if (!fmt || /general/i.test(fmt)) p = null;
  else {
    const section = fmt.split(';')[0].replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    const m = /\.(0+)/.exec(section);
    const dec = m ? m[1].length : 0;
    p = section.includes('%') ? dec + 2 : dec;
  }
  formatPlaces.set(fmt, p);
  return p;
}

/** Places shown by Excel's General format: the digits after the point in the shown text. */
function placesFromShown(text: string): number | null {
  const t = text.trim();
  if (!t) return null;
  const dot = t.indexOf('.');
  const pctSign = t.endsWith('%') ? 1 : 0;
  if (/[eE]/.test(t)) return null;
  const dec = dot < 0 ? 0 : t.length - dot - 1 - pctSign;
  return dec + (pctSign ? 2 : 0);
}

function make(ref: CellRef, raw: RawValue, text: string, formula: string, numFmt: string, kind: ReadKind, value: Dec | null, fromText: boolean, percent: boolean, places: number | null): CellRead {
  return { ref, text, raw, formula, numFmt, kind, value, fromText, percent, places };
}

/** Reads a snapshot cell: what the person sees counts, and numbers typed as text are read too. */
export function readCellValue(ref: CellRef, raw: RawValue, text: string, formula: string, numFmt: string, type: CellType): CellRead {
  if (type === 'error') return make(ref, raw, text, formula, numFmt, 'error', null, false, false, null);
  if (type === 'boolean' || typeof raw === 'boolean') return make(ref, raw, text, formula, numFmt, 'bool', null, false, false, null);
  if (typeof raw === 'number') {
    const fromFormat = placesFromFormat(numFmt);
    const places = fromFormat ?? placesFromShown(text);
    const percent = numFmt.includes('%') || (fromFormat === null && text.trim().endsWith('%'));
    return make(ref, raw, text, formula, numFmt, 'number', decFromNumber(raw), false, percent, places);
  }
  const s = typeof raw === 'string' ? raw : text;
  if (!s || !/\S/.test(s)) return make(ref, raw, text, formula, numFmt, 'empty', null, false, false, null);
  if (isNotApplicable(s)) return make(ref, raw, text, formula, numFmt, 'na', null, false, false, null);
  const p = parseNumberText(s);
  if (p) return make(ref, raw, text, formula, numFmt, 'number', p.value, true, p.percent, p.places);
  return make(ref, raw, text, formula, numFmt, 'text', null, false, false, null);
}

export function isNumber(r: CellRead | null | undefined): r is CellRead & { value: Dec } {
  return !!r && r.kind === 'number' && r.value !== null;
}
