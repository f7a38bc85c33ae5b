import { D, Dec } from '../decimal';
import { CellRead } from './number';
import { nfkc } from './text';

/** The currency unit a table states its amounts in. */
export type Currency = '元' | '万元';

const FACTORS: Record<string, number> = { 元: 1, 千元: 1e3, 万: 1e4, 万元: 1e4, 百万元: 1e6, 亿: 1e8, 亿元: 1e8 };

const STATED = /(?:金额)?单位[:：]\s*(万元|元)(?![/\w\u4e00-\u9fff])/;
const IN_BRACKETS = /[(（]\s*(万元|元)\s*[)）]/;

/** The currency a header or note names: `单位：万元`, `项目资金（万元）`, `预算数（元）`; null when it names none. */
export function currencyIn(text: string): Currency | null {
  if (!text || !text.includes('元')) return null;
  const t = nfkc(text);
  const m = STATED.exec(t) ?? IN_BRACKETS.exec(t);
  return m ? (m[1] as Currency) : null;
}

/** The factor of a currency unit written with an amount (`万元` → 10000), or null for any other unit. */
export function currencyFactor(unit: string | null): number | null {
  return unit ? (FACTORS[unit] ?? null) : null;
}

/** The currency an amount written with its own unit implies (`3359.62万` → 万元). */
export function currencyOfUnit(unit: string | null): Currency | null {
  const f = currencyFactor(unit);
  return f === null ? null : f >= 1e4 ? '万元' : '元';
}

export function convertMoney(value: Dec, from: Currency, to: Currency): Dec {
  if (from === to) return value;
  return from === '万元' ? value.times(10000) : value.dividedBy(10000);
}

/** An amount cell in its table's currency: `2170.20万元` in a table kept in 元 reads as 21,702,000. */
export function inCurrency(read: CellRead, currency: Currency | null): CellRead {
  const f = currencyFactor(read.unit);
  if (f === null || read.value === null || currency === null) return read;
  const to = currency === '万元' ? 1e4 : 1;
  if (f === to) return read;
  return { ...read, value: read.value.times(new D(f)).dividedBy(to) };
}

/** An amount a sentence or a name states with its unit: `…经费236.25万元`, `补助201600元`. */
export interface StatedAmount {
  /** The number as written, and its decimal places. */
  written: Dec;
  places: number;
  /** The factor of its unit to 元. */
  factor: number;
  text: string;
}

/** An amount with its unit; `万` or `亿` alone only where nothing follows that it could count (`经费236.25万`). */
const AMOUNT = /(?<![\d.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(亿元|百万元|万元|千元|元|[万亿](?=$|[\s)）(（,，。;；、]))/g;
/** A rate or a bound, not a sum: `每人每月300元`, `人均500元`, `标准100元`; `300元/人`, `20万元以下`. */
const STANDARD_BEFORE = /(每|人均|户均|亩均|平均|标准|按|不超过|不低于|最高|最低)[\u4e00-\u9fff]{0,3}$/;
const BOUND_AFTER = /^\s*(\/|每|以下|以上|以内|及以下|及以上|之内|左右)/;

export function amountsIn(text: string): StatedAmount[] {
  const out: StatedAmount[] = [];
  const t = nfkc(text);
  for (const m of t.matchAll(AMOUNT)) {
    const at = m.index ?? 0;
    if (STANDARD_BEFORE.test(t.slice(Math.max(0, at - 8), at)) || BOUND_AFTER.test(t.slice(at + m[0].length))) continue;
    const digits = `${m[1].replace(/,/g, '')}${m[2] ? `.${m[2]}` : ''}`;
    const unit = m[3] === '万' ? '万元' : m[3] === '亿' ? '亿元' : m[3];
    out.push({ written: new D(digits), places: m[2]?.length ?? 0, factor: FACTORS[unit], text: m[0] });
  }
  return out;
}

/** Whether an amount in a table's currency is the stated one, at the precision the statement writes it. */
export function statesAmount(stated: StatedAmount, value: Dec, currency: Currency): boolean {
  const inUnit = value.times(currency === '万元' ? 1e4 : 1).dividedBy(stated.factor);
  return inUnit.toDecimalPlaces(stated.places, D.ROUND_HALF_UP).equals(stated.written);
}
