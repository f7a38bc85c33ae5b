import { D, Dec, ONE, decFromCell } from '../decimal';
import { CellRef, CellType, RawValue } from '../snapshot';
import { compactText, isNotApplicable } from './text';

export interface ParsedNumber {
  /** The number as written; a percent as its fraction (`95%` → 0.95). */
  value: Dec;
  percent: boolean;
  /** The unit as written after the number, magnitude word included (`万元`, `人`, `元/人*月`), or null. */
  unit: string | null;
  /** The factor of a magnitude word (`2.5万人` → 10000); 1 without one. */
  magnitude: Dec;
  /** The unit without its magnitude word (`元`, `人`), or null. */
  base: string | null;
  /** Decimal places of the value as written, counted on the fraction for a percent ("45.38%" → 4). */
  places: number;
  /** Written as a round figure: `200余人`, `50多个`, `约20次`, `20次左右`. */
  approx: boolean;
}

/** `amount`: a cell that feeds a total (no approximations). `target`: a 年度指标值 or 实际完成值. */
export type NumberMode = 'amount' | 'target';

const NUM_RE = /^([+-])?(\d{1,3}(?:,\d{3})+|\d+|(?=\.\d))(\.\d+)?/;
const MAGNITUDES: Array<[string, number]> = [['百万', 1e6], ['千万', 1e7], ['万', 1e4], ['亿', 1e8], ['千', 1e3]];
/**
 * Any unit: a short run that starts with a letter or a non-ASCII sign (not a digit or punctuation) and holds no
 * digit except the 2 or 3 of `m2`/`km3`. `元/人*月`, `人次`, `㎡`, `TB`, `倍`, `起`.
 */
const UNIT_RE = /^(?:[A-Za-z]+[23]?|(?![，。；：、！？（）“”‘’《》【】…—～])[\u0080-\uffff])(?:[A-Za-z]+[23]?|(?![，。；：！？“”‘’《》【】…～])[\u0080-\uffff]|[/*()·]|\.(?=\D))*$/;
/** Suffixes that make a figure a date, not a quantity: `2021年底前…`, `10日前`, `11月已完成`. */
const DATE_LIKE = /^(年(?!度?$)|[日号月]前|[日号]以前|月(?!$|份$|度$))/;
/** Percent forms: `%`, `百分比`, `98%(百分比)`; in a target, a word may follow (`100%覆盖`). */
const PERCENT_RE = /^(?:%|百分比)(?:\(百分比\)|\(%\))?/;
const EXPONENT_TAIL = /^[eE][+-]?\d/;
const APPROX_PREFIX = /^(约|大约|近)/;
const APPROX_SUFFIX = /(左右|上下)$/;

/**
 * Reads number text: `1,386.49`, `1.70`, `95%`, `2170.20万元`, `１２`, ` -0.06% `; in target mode also any unit
 * with magnitude words and round figures (`2.5万人`, `200余人`, `约20次`, `100%覆盖`). Returns null for anything else.
 */
export function parseNumberText(input: string, mode: NumberMode = 'amount'): ParsedNumber | null {
  let t = compactText(input);
  if (!t) return null;
  let approx = false;
  if (mode === 'target') {
    const a = APPROX_PREFIX.exec(t) ?? APPROX_SUFFIX.exec(t);
    if (a) {
      approx = true;
      t = a.index === 0 ? t.slice(a[0].length) : t.slice(0, a.index);
    }
  }
  const m = NUM_RE.exec(t);
  if (!m || (!m[2] && !m[3])) return null;
  const digits = `${m[1] ?? ''}${(m[2] || '0').replace(/,/g, '')}${m[3] ?? ''}`;
  let rest = t.slice(m[0].length);
  // `2e3` is exponent notation, not 2 with a unit `e3`.
  if (/^[\d.,]/.test(rest) || EXPONENT_TAIL.test(rest)) return null;
  let value = new D(digits);
  let places = m[3] ? m[3].length - 1 : 0;
  let percent = false;
  let unit: string | null = null;
  let base: string | null = null;
  let magnitude = ONE;
  const pm = PERCENT_RE.exec(rest);
  if (pm || rest.startsWith('‰')) {
    const permille = !pm;
    value = value.dividedBy(permille ? 1000 : 100);
    places += permille ? 3 : 2;
    percent = !permille;
    unit = permille ? '‰' : null;
    rest = rest.slice(pm ? pm[0].length : 1);
    // `100%覆盖`, `95%以上` (the operator word was taken off by the target reader): a word may follow a percent.
    if (rest && (mode === 'amount' || !/^[\u0080-\uffff]{1,6}$/.test(rest))) return null;
    return { value, percent, unit, magnitude, base, places, approx };
  }
  let word = '';
  for (const [w, factor] of MAGNITUDES) {
    if (rest.startsWith(w) && !rest.startsWith('百分')) {
      word = w;
      magnitude = new D(factor);
      rest = rest.slice(w.length);
      break;
    }
  }
  if (/^(余|多)/.test(rest)) {
    if (mode === 'amount') return null;
    approx = true;
    rest = rest.slice(1);
  }
  if (rest) {
    if (rest.length > 10 || !UNIT_RE.test(rest)) return null;
    if (mode === 'target' && word === '' && DATE_LIKE.test(rest)) return null;
    base = rest;
  }
  unit = word + (base ?? '') || null;
  return { value, percent, unit, magnitude, base, places, approx };
}

/** The amount a parsed number stands for: its value times its magnitude word. */
export function scaled(p: Pick<ParsedNumber, 'value' | 'magnitude'>): Dec {
  return p.magnitude.equals(ONE) ? p.value : p.value.times(p.magnitude);
}

/**
 * Text that spells a number no form holds: `NaN`, `Infinity`, `-inf` (what a program prints for a failed or
 * unbounded result), with or without `%`. Never read as a figure; value.not-number names the cell.
 */
const NON_FINITE_WORD = /^[+-]?(?:nan|infinity|inf|∞)(?:%|百分比)?$/i;
/**
 * A figure in exponent notation (`1e3%`, `-1e2%`, `≥1.5E+03人`): what a program or a forger writes, never a clerk
 * (Excel shows a number typed this way as a number, so in a text cell it was typed as text on purpose). Not read.
 */
const EXPONENT_FIGURE = /^(?:[<>=≥≤]=?)?[+-]?(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+(?:%|百分比|[^\d]{0,6})$/;

export type NotNumberText = 'non-finite' | 'exponent';

/** Why text that looks like a figure is still no number (see NON_FINITE_WORD, EXPONENT_FIGURE), or null. */
export function notNumberText(text: string): NotNumberText | null {
  const t = compactText(text).replace(/[。；;，,、]+$/, '');
  if (!t || t.length > 40) return null;
  if (NON_FINITE_WORD.test(t)) return 'non-finite';
  return EXPONENT_FIGURE.test(t) ? 'exponent' : null;
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
  /** A unit written with the number (`2170.20万元`) or in its number format (`0.00"万元"`), or null. */
  unit: string | null;
  /** A numeric cell whose stored value is NaN or infinite (`<v>NaN</v>`): read as text that is no number. */
  notFinite?: true;
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

function make(ref: CellRef, raw: RawValue, text: string, formula: string, numFmt: string, kind: ReadKind, value: Dec | null, fromText: boolean, percent: boolean, places: number | null, unit: string | null = null): CellRead {
  return { ref, text, raw, formula, numFmt, kind, value, fromText, percent, places, unit };
}

const formatUnits = new Map<string, string | null>();

/** The unit a number format writes after the number: `#,##0.00"万元"` → 万元. */
function unitFromFormat(fmt: string): string | null {
  let u = formatUnits.get(fmt);
  if (u !== undefined) return u;
  const m = /"([^"\d]{1,6})"\s*(?:;|$)/.exec(fmt.split(';')[0]);
  u = m ? m[1].trim() || null : null;
  formatUnits.set(fmt, u);
  return u;
}

/** Reads a snapshot cell: what the person sees counts, and numbers typed as text are read too. */
export function readCellValue(ref: CellRef, raw: RawValue, text: string, formula: string, numFmt: string, type: CellType): CellRead {
  if (type === 'error') return make(ref, raw, text, formula, numFmt, 'error', null, false, false, null);
  if (type === 'boolean' || typeof raw === 'boolean') return make(ref, raw, text, formula, numFmt, 'bool', null, false, false, null);
  if (typeof raw === 'number') {
    const value = decFromCell(raw);
    if (value === null) return { ...make(ref, raw, text, formula, numFmt, 'text', null, false, false, null), notFinite: true };
    const fromFormat = placesFromFormat(numFmt);
    const places = fromFormat ?? placesFromShown(text);
    const percent = numFmt.includes('%') || (fromFormat === null && text.trim().endsWith('%'));
    return make(ref, raw, text, formula, numFmt, 'number', value, false, percent, places, numFmt.includes('"') ? unitFromFormat(numFmt) : null);
  }
  const s = typeof raw === 'string' ? raw : text;
  if (!s || !/\S/.test(s)) return make(ref, raw, text, formula, numFmt, 'empty', null, false, false, null);
  if (isNotApplicable(s)) return make(ref, raw, text, formula, numFmt, 'na', null, false, false, null);
  const p = parseNumberText(s);
  if (p) return make(ref, raw, text, formula, numFmt, 'number', p.value, true, p.percent, p.places, p.unit);
  return make(ref, raw, text, formula, numFmt, 'text', null, false, false, null);
}

export function isNumber(r: CellRead | null | undefined): r is CellRead & { value: Dec } {
  return !!r && r.kind === 'number' && r.value !== null;
}
