/**
 * One small facade over the ET object model that absorbs what differs between WPS builds, so the rest of the host
 * reads as one model:
 * - a member that is a property in one build and a method in another (`Range.Value2` vs `Range.Value2()`,
 *   `Range.Text`, `Comment.Text()`): `get` reads either;
 * - a collection reached by `Item(i)` in one build and by calling it (`Worksheets(i)`) in another: `item`;
 * - collections are 1-based with a `Count`: `each` walks them;
 * - one cell's `Value2` is a scalar, many cells' a 2-D array (some builds give a row as a 1-D array): `matrix`;
 * - COM colours are BGR numbers (0xBBGGRR), the core's are `#RRGGBB`: `bgrToHex`, `hexToBgr`.
 * Members are probed with `in` (the strict fake answers `in` honestly and throws only on use of an unknown member).
 */
import type { EtCollection } from './et';

type Obj = object;

/** A member's value, whether the build has it as a property or as a method taking no argument. Not for a collection
 * (a callable collection is not a method): reach those as properties, and their items with `item`. */
export function get<T = unknown>(obj: Obj, name: string): T {
  const v = (obj as Record<string, unknown>)[name];
  return (typeof v === 'function' ? (v as () => unknown).call(obj) : v) as T;
}

/** Sets a member, whether the build has it as a property or as a method taking the new value. */
export function put(obj: Obj, name: string, value: unknown): void {
  const o = obj as Record<string, unknown>;
  if (name in obj && typeof o[name] === 'function') (o[name] as (v: unknown) => void).call(obj, value);
  else o[name] = value;
}

/** Item `index` (1-based, or a name) of a collection: `Item(i)` where the build has it, else the collection called. */
export function item<T>(coll: EtCollection<T> | ((i: number | string) => T), index: number | string): T {
  if (typeof coll === 'object' && coll !== null && 'Item' in coll) return coll.Item(index);
  if (typeof coll === 'function' && 'Item' in coll) return (coll as unknown as EtCollection<T>).Item(index);
  if (typeof coll === 'function') return coll(index);
  throw new TypeError('not a collection');
}

export function count(coll: object): number {
  return Number(get(coll, 'Count')) || 0;
}

/** Every item of a 1-based collection, in order. */
export function each<T>(coll: EtCollection<T>): T[] {
  const n = count(coll);
  const out: T[] = [];
  for (let i = 1; i <= n; i++) out.push(item(coll, i));
  return out;
}

/**
 * A range's matrix-valued member as a rows × cols 2-D array: a scalar (one cell, or one value over a range that
 * all its cells share, as `NumberFormat` gives) is spread, a 1-D array (a row in some builds) wrapped; null stays null
 * (the model's "mixed").
 */
export function matrix(v: unknown, rows: number, cols: number): unknown[][] | null {
  if (v === null) return null;
  if (Array.isArray(v)) {
    if (v.length && !Array.isArray(v[0])) return rows === 1 ? [v as unknown[]] : (v as unknown[]).map((x) => [x]);
    const m = v as unknown[][];
    if (m.length !== rows || m.some((r) => !Array.isArray(r) || r.length !== cols)) throw new TypeError(`expected a ${rows} × ${cols} array`);
    return m;
  }
  return Array.from({ length: rows }, () => new Array<unknown>(cols).fill(v));
}

/** 0xBBGGRR → `#RRGGBB`. */
export function bgrToHex(n: number): string {
  const x = Math.max(0, Math.min(0xffffff, Math.trunc(n)));
  const r = x & 0xff;
  const g = (x >> 8) & 0xff;
  const b = (x >> 16) & 0xff;
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}

/** `#RRGGBB` → 0xBBGGRR. */
export function hexToBgr(hex: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new TypeError(`not a colour: ${hex}`);
  return parseInt(m[1], 16) | (parseInt(m[2], 16) << 8) | (parseInt(m[3], 16) << 16);
}

/** COM's error values (CVErr: 0x800A0000 + xlErr) as Excel's codes. */
const CVERR: Record<number, string> = { 2000: '#NULL!', 2007: '#DIV/0!', 2015: '#VALUE!', 2023: '#REF!', 2029: '#NAME?', 2036: '#NUM!', 2042: '#N/A', 2043: '#GETTING_DATA' };
export function errorCode(v: unknown): string | null {
  if (typeof v !== 'number' || !Number.isInteger(v) || v >= 0) return null;
  const u = v >>> 0;
  return u >>> 16 === 0x800a ? (CVERR[u & 0xffff] ?? null) : null;
}
export function cvErr(code: string): number {
  const n = Object.entries(CVERR).find(([, c]) => c === code)?.[0];
  return n === undefined ? (0x800a07e7 | 0) : (0x800a0000 | Number(n)) | 0;
}

/** XlPattern values the host uses. */
export const XL_PATTERN_SOLID = 1;
export const XL_PATTERN_NONE = -4142;

/**
 * A number format as the core knows it: WPS's Chinese builds name the general format `G/通用格式` (and some
 * `G/General`), which is Excel's `General`; null or undefined (nothing known) is `General` too.
 */
export function numberFormatOf(f: unknown): string {
  if (f === null || f === undefined) return 'General';
  const s = String(f);
  return /^G\/(通用格式|General)$/i.test(s) ? 'General' : s;
}

/**
 * The A1 formula of a cell from `Formula` and `Value2`: only text starting with `=`, and not in a Text-formatted
 * cell whose value is that very text (a constant typed as text, which `Formula` also returns).
 */
export function formulaOf(formula: unknown, value: unknown, numberFormat: string): string {
  if (typeof formula !== 'string' || !formula.startsWith('=')) return '';
  return numberFormat === '@' && value === formula ? '' : formula;
}
