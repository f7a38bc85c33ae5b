import { D, Dec } from '../decimal';
import { alternation, WORDS } from './words';

export type FigureUnit = '元' | '万元' | '亿元' | '%' | '分';

/** A figure a sentence writes: its value in its own unit (a percent as written, `45.38` for 45.38%), and its precision. */
export interface Figure {
  value: Dec;
  places: number;
  unit: FigureUnit;
  /** As written, after normalisation (`1,055.73万元`). */
  text: string;
  /** Written as a round figure (`约500万元`) or as a bound (`不超过10万元`, `20万元以下`): never compared. */
  loose: boolean;
  /** Where it sits in the normalised sentence. */
  at: number;
  end: number;
}

const FACTOR: Record<string, number> = { 元: 1, 万元: 1e4, 亿元: 1e8 };

/** The factor of a money unit to 元. */
export function toYuan(unit: FigureUnit): number {
  return FACTOR[unit] ?? 1;
}

/**
 * Sentence text the extractor reads: full-width digits and signs made ASCII, thin spaces inside a number dropped,
 * an ASCII comma that is no thousands separator made a clause comma, full-width brackets made ASCII.
 */
export function normalizeText(s: string): string {
  return s
    .replace(/(\d)[\u2009\u202f\u2006\u200a\u00a0](?=\d{3}(?!\d))/g, '$1')
    // `1 055.73 万元`: a plain space between groups of three, where a money unit follows.
    .replace(/(?<![\d.])\d{1,3}(?: \d{3})+(?=(?:\.\d+)?\s*(?:亿元|万元|元))/g, (m) => m.replace(/ /g, ''))
    // A full-width comma between full-width digits groups thousands (`１，０５５．７３`).
    .replace(/([\uff10-\uff19])，(?=[\uff10-\uff19]{3}(?![\uff10-\uff19]))/g, '$1,')
    .replace(/[\uff10-\uff19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/(\d)[．](?=\d)/g, '$1.')
    .replace(/％/g, '%')
    .replace(/[－−﹣]/g, '-')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/[≦]/g, '≤')
    .replace(/[≧]/g, '≥')
    .replace(/[\u3000\u2009\u202f\u2006\u200a\u00a0\t]/g, ' ')
    .replace(/(?<!\d),|,(?!\d{3}(?!\d))/g, '，')
    .replace(/;/g, '；')
    .replace(/(?<!\d):|:(?!\d)/g, '：');
}

const UNIT = '(亿元|万元|元|万(?![\\u4e00-\\u9fff])|%|分(?![\\u4e00-\\u9fff]))';
const FIGURE = new RegExp(`(?<![\\d.A-Za-z])(-)?\\s*(\\d{1,3}(?:,\\d{3})+(?!\\d)|\\d+)(?:\\.(\\d+))?\\s*${UNIT}`, 'g');
const LOOSE_BEFORE = new RegExp(`(?:${alternation([...WORDS.standardBefore, ...WORDS.approxBefore])})[\\u4e00-\\u9fff]{0,3}$|[≤≥<>=]\\s*$`);
const LOOSE_AFTER = new RegExp(`^\\s*(?:${alternation(WORDS.boundAfter)})`);

/** Above any sum a budget states (1,000万亿元) or any rate or score: a figure written to break a reader, never compared. */
const MAX_YUAN = new D(1e15);
const MAX_RATE = new D(1e6);

/** The figures of a normalised sentence, in order. */
export function figuresIn(t: string): Figure[] {
  const out: Figure[] = [];
  for (const m of t.matchAll(FIGURE)) {
    const at = m.index ?? 0;
    // A minus after a digit is a dash (`8-12月`), not a sign.
    const sign = m[1] && !/\d\s*$/.test(t.slice(0, at)) ? '-' : '';
    const digits = `${sign}${m[2].replace(/,/g, '')}${m[3] ? `.${m[3]}` : ''}`;
    const unit = (m[4] === '万' ? '万元' : m[4]) as FigureUnit;
    const end = at + m[0].length;
    const before = t.slice(Math.max(0, at - 8), at);
    const value = new D(digits);
    const loose = LOOSE_BEFORE.test(before) || LOOSE_AFTER.test(t.slice(end)) || value.abs().times(toYuan(unit)).greaterThanOrEqualTo(unit === '%' || unit === '分' ? MAX_RATE : MAX_YUAN);
    const start = m[1] && !sign ? at + 1 : at;
    out.push({ value, places: m[3]?.length ?? 0, unit, text: t.slice(start, end).replace(/\s+/g, ''), loose, at: start, end });
  }
  return out;
}

/** A value in one money unit expressed in another. */
export function convert(value: Dec, from: FigureUnit, to: FigureUnit): Dec {
  return from === to ? value : value.times(toYuan(from)).dividedBy(toYuan(to));
}

export const isMoney = (u: FigureUnit): boolean => u === '元' || u === '万元' || u === '亿元';
