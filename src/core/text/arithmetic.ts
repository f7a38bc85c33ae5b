import { D, Dec, ZERO } from '../decimal';
import type { AmountClaim, ChangeClaim, FigureClaim, ListMark, RateClaim, Sentence } from './claims';
import { convert, Figure } from './figures';
import { bare, subjectKeyOf, subjectOf } from './subjects';
import { descendants, SPLITS } from './words';

/** A total a sentence states and the parts it lists after 其中 / 分别为 / 按…分类 (or in brackets after a part). */
export interface TextSum {
  total: AmountClaim;
  parts: AmountClaim[];
  /** The parts are the whole of the total (a stated count, a known split, or a sibling total that adds up). */
  complete: boolean;
}

/** Half a unit of the last printed place of a figure that has decimals: an integer is read as exact. */
export function halfUlp(places: number, always = false): Dec {
  return places >= 2 || always ? new D(5).times(new D(10).pow(-(places + 1))) : ZERO;
}

const amounts = (s: Sentence): AmountClaim[] => s.claims.filter((c): c is AmountClaim => c.kind === 'amount' && !c.figure.loose);

const sameSubject = (a: FigureClaim, b: FigureClaim): boolean =>
  a.subject.key !== null && b.subject.key !== null ? a.subject.key === b.subject.key : bare(a.subject.text) === bare(b.subject.text);

const measuresFit = (a: AmountClaim, b: AmountClaim): boolean => a.measure === null || b.measure === null || a.measure === b.measure;

/** Whether the parts' subjects are a known split: all its parts, perhaps some optional ones, nothing else, none twice. */
function coversSplit(keys: Array<string | null>, split: { parts: string[]; optional: string[] }): boolean {
  if (keys.some((k) => k === null) || new Set(keys).size !== keys.length) return false;
  return split.parts.every((p) => keys.includes(p)) && keys.every((k) => split.parts.includes(k!) || split.optional.includes(k!));
}

function totalsBefore(s: Sentence, mark: ListMark, prevMark: ListMark | undefined): AmountClaim[] {
  const all = amounts(s).filter((c) => c.index < mark.before && c.depth === mark.depth && (!prevMark || c.index >= prevMark.before));
  let inItem = all.filter((c) => c.item === mark.item);
  // `…合计8126.66万元。其中：…`: a sentence that begins with 其中 lists the parts of the one before it.
  if (!inItem.length && mark.word === '其中') inItem = all.filter((c) => c.item === mark.item - 1);
  if (!inItem.length) return [];
  const out = [inItem[inItem.length - 1]];
  for (let i = inItem.length - 2; i >= 0; i--) {
    const c = inItem[i];
    if (c.measure === null || out.some((o) => o.measure === null || o.measure === c.measure)) break;
    if (c.ownSubject && out.some((o) => o.ownSubject && !sameSubject(o, c))) break;
    out.unshift(c);
  }
  return out;
}

const LEVELS = ['类', '款', '项'];
/** A 功能分类 level written after a subject (`行政运行（项）`): 0 类, 1 款, 2 项. */
function levelOf(c: AmountClaim): number | null {
  const m = /\((类|款|项)\)$/.exec(c.subject.text);
  return m ? LEVELS.indexOf(m[1]) : null;
}

/** Assigns each group's amounts to the totals: by measure first, then in order. Null where a total gets none. */
function assign(totals: AmountClaim[], group: AmountClaim[]): Array<AmountClaim | null> {
  if (totals.length === 1) {
    const fit = group.filter((g) => measuresFit(g, totals[0]));
    if (fit.length === 1) return [fit[0]];
    const same = fit.filter((g) => g.measure !== null && g.measure === totals[0].measure);
    return [same.length === 1 ? same[0] : null];
  }
  const out: Array<AmountClaim | null> = totals.map(() => null);
  const used = new Set<AmountClaim>();
  totals.forEach((t, i) => {
    const g = group.find((x) => !used.has(x) && x.measure !== null && x.measure === t.measure);
    if (g) {
      out[i] = g;
      used.add(g);
    }
  });
  totals.forEach((t, i) => {
    if (out[i]) return;
    const g = group.find((x) => !used.has(x) && x.measure === null);
    if (g) {
      out[i] = g;
      used.add(g);
    }
  });
  return out;
}

/** Sum of parts in the unit of a total. */
export function partsSum(total: Figure, parts: Figure[]): Dec {
  return parts.reduce((a, p) => a.plus(convert(p.value, p.unit, total.unit)), ZERO);
}

function exactSum(total: AmountClaim, parts: AmountClaim[]): boolean {
  return compareSum(total.figure, parts.map((p) => p.figure)) === 0;
}

/**
 * A sum at the total's printed precision: 0 when it adds up, 1 when the parts are more, −1 when less. A difference of
 * one unit in the last place is rounding where every figure has 2 or more decimals (2170.19 written 2170.20).
 */
export function compareSum(total: Figure, parts: Figure[]): -1 | 0 | 1 {
  const s = partsSum(total, parts);
  const p = total.places;
  const diff = s.toDecimalPlaces(p, D.ROUND_HALF_UP).minus(total.value.toDecimalPlaces(p, D.ROUND_HALF_UP));
  if (diff.isZero()) return 0;
  const rounding = total.places >= 2 && parts.length >= 2 && parts.every((x) => x.places >= 2) && diff.abs().lessThanOrEqualTo(new D(10).pow(-p));
  if (rounding) return 0;
  return diff.greaterThan(0) ? 1 : -1;
}

/** The sums a sentence states. */
export function sumsOf(s: Sentence): TextSum[] {
  const out: TextSum[] = [];
  s.marks.forEach((mark, mi) => {
    const totals = totalsBefore(s, mark, s.marks[mi - 1]);
    if (!totals.length) return;
    const region: FigureClaim[] = [];
    for (const c of s.claims.slice(mark.before)) {
      if (c.depth < mark.depth || (c.kind === 'change' && c.depth === mark.depth)) break;
      if (s.marks.some((m, k) => k > mi && m.before === c.index && m.depth <= mark.depth)) break;
      if (c.depth === mark.depth && s.breaks.some((b) => b > mark.before && b <= c.index)) break;
      region.push(c);
    }
    let top = region.filter((c): c is AmountClaim => c.kind === 'amount' && c.depth === mark.depth);
    // A known subject that cannot be a part of the total (`基本支出…其中人员经费…，项目支出…`) ends the list.
    const within = totals[0].subject.key ? descendants(totals[0].subject.key) : null;
    if (within) {
      const out = top.findIndex((c) => c.subject.key !== null && c.ownSubject && !within.has(c.subject.key));
      if (out >= 0) top = top.slice(0, out);
    }
    // Parts that already make up the total exactly end the list where the next figure restates the total or states
    // another measure (`全年预算资金1000万元，其中中央资金600万元、省级资金300万元、县级配套100万元，实际到位资金1000万元`).
    if (totals.length === 1) {
      const t = totals[0];
      const k = top.findIndex((_, i) => i >= 1 && i < top.length - 1 && partsSum(t.figure, top.slice(0, i + 1).map((c) => c.figure)).equals(t.figure.value));
      const next = k >= 0 ? top.slice(k + 1).find((c) => !c.figure.value.isZero()) : undefined;
      if (next && (convert(next.figure.value, next.figure.unit, t.figure.unit).equals(t.figure.value) || (next.measureWord && !measuresFit(next, t)))) top = top.slice(0, k + 1);
    }
    // 功能分类 levels (`一般公共服务支出（类）…其中：…事务（款）…，行政运行（项）…`): each level is the sum of the one below
    // it, so the parts of a total are those of the next level only, and a part's own parts follow it.
    const levels = top.map(levelOf);
    if (levels.some((l) => l !== null)) {
      if (levels.some((l) => l === null)) return;
      const first = Math.min(...(levels as number[]));
      top.forEach((c, i) => {
        if (levels[i] !== first) return;
        const subs: AmountClaim[] = [];
        for (let k = i + 1; k < top.length && levels[k]! > first; k++) if (levels[k] === first + 1) subs.push(top[k]);
        if (subs.length && !subs.some((x) => x.figure.loose)) out.push({ total: c, parts: subs, complete: false });
      });
      top = top.filter((_, i) => levels[i] === first);
    }
    if (!top.length || top.some((c) => c.figure.loose)) return;
    const byItem = new Set(top.map((c) => c.item)).size > 1;
    const groups: AmountClaim[][] = byItem ? [...new Set(top.map((c) => c.item))].map((i) => top.filter((c) => c.item === i)) : top.map((c) => [c]);
    const assigned = groups.map((g) => assign(totals, g));
    const lists = totals
      .map((total, ti) => ({ total, parts: assigned.map((a) => a[ti]) }))
      .filter((l): l is { total: AmountClaim; parts: AmountClaim[] } => l.parts.every((p) => p !== null) && l.parts.length >= 1);
    const count = s.counts.some((c) => c.item <= (totals[0]?.item ?? 0) && c.n === groups.length);
    for (const l of lists) {
      const keys = l.parts.map((p) => p.subject.key);
      // `一般公共预算财政拨款基本支出` is a narrower 基本支出, split the same way.
      const splitKey = l.total.subject.key ?? subjectKeyOf(l.total.subject.text)?.key ?? null;
      const split = splitKey ? SPLITS[splitKey] : undefined;
      const covered = split ? coversSplit(keys, split) : mark.complete && Object.values(SPLITS).some((sp) => coversSplit(keys, sp));
      const sibling = lists.some((o) => o !== l && o.parts.length >= 2 && exactSum(o.total, o.parts));
      out.push({ total: l.total, parts: l.parts, complete: l.parts.length >= 2 && (covered || count || sibling) });
    }
    // Parts in brackets after a part: a sub-sum of that part.
    for (const part of top) {
      const inner: AmountClaim[] = [];
      for (const c of region.filter((x) => x.index > part.index)) {
        if (c.depth <= mark.depth) break;
        if (c.kind === 'amount' && c.depth === mark.depth + 1) inner.push(c);
      }
      if (inner.length < 1 || inner.some((c) => c.figure.loose)) continue;
      const split = part.subject.key ? SPLITS[part.subject.key] : undefined;
      out.push({ total: part, parts: inner, complete: inner.length >= 2 && !!split && coversSplit(inner.map((c) => c.subject.key), split) });
    }
  });
  // `“三公”经费支出995万元（公务接待费38万元，公务用车运行维护费958万元）`: a known subject's parts in brackets right
  // after it, with no word to introduce them, when every one is a known part of it.
  for (const c of amounts(s)) {
    const within = c.subject.key ? descendants(c.subject.key) : null;
    if (!within || out.some((o) => o.total === c)) continue;
    const inner: AmountClaim[] = [];
    for (const x of s.claims.slice(c.index + 1)) {
      if (x.depth !== c.depth + 1) break;
      inner.push(x as AmountClaim);
    }
    if (inner.length < 2 || inner.some((x) => x.kind !== 'amount' || x.figure.loose || !x.ownSubject || !x.subject.key || !within.has(x.subject.key) || !measuresFit(x, c))) continue;
    if (s.marks.some((m) => m.before > c.index && m.before <= inner[inner.length - 1].index)) continue;
    out.push({ total: c, parts: inner, complete: coversSplit(inner.map((x) => x.subject.key), SPLITS[c.subject.key!]) });
  }
  return out;
}

/** An interval of a ratio of written figures, each ± half its last place (integers exact). */
export function ratioRange(num: Figure, den: Figure): [Dec, Dec] | null {
  const a = convert(num.value, num.unit, den.unit);
  const b = den.value;
  const ha = halfUlp(num.places).times(convert(new D(1), num.unit, den.unit));
  const hb = halfUlp(den.places);
  if (b.minus(hb).lessThanOrEqualTo(0) || a.lessThan(0)) return null;
  const lo = a.minus(ha).dividedBy(b.plus(hb));
  const hi = a.plus(ha).dividedBy(b.minus(hb));
  return [lo, hi];
}

/** Whether a stated percent (as written, ± half its last place) meets a ratio interval (fractions). */
export function rateFits(stated: Figure, range: [Dec, Dec], magnitude = false): boolean {
  const h = halfUlp(stated.places, true);
  const s = stated.value;
  const fits = (lo: Dec, hi: Dec): boolean => s.plus(h).greaterThanOrEqualTo(lo.times(100)) && s.minus(h).lessThanOrEqualTo(hi.times(100));
  if (fits(range[0], range[1])) return true;
  return magnitude && fits(range[1].negated(), range[0].negated());
}

/** The percent a ratio shows at a stated rate's places (at least 2). */
export function shownRate(ratio: Dec, places: number): string {
  const p = Math.max(places, 2);
  return `${ratio.times(100).toDecimalPlaces(p, D.ROUND_HALF_UP).toFixed(p)}%`.replace(/^-/, '−');
}

/** Words for a whole (`全年支出`, `本年支出合计`, `总额`): the total of the sentence's list. */
const WHOLE = /^(?:全年|本年|当年|年度|部门|单位|全部|总)?(?:总)?(?:支出|收入|资金|经费|预算)?(?:总额|合计|总计|总数|总量|总体)?$/;

function baseIsTotal(base: string, total: AmountClaim): boolean {
  const b = bare(base);
  if (WHOLE.test(b)) return true;
  const t = bare(total.subject.text);
  if (t && (t.endsWith(b) || b.endsWith(t))) return true;
  const key = subjectOf(b).key;
  return key !== null && key === total.subject.key;
}

export interface OwnCheck {
  claim: RateClaim | ChangeClaim;
  /** The figures it follows from, as written, and the operation (`369.924613万元 ÷ 857.12万元`). */
  from: string;
  /** What the figures give, as it would be written. */
  expected: string;
  fits: boolean;
}

function before(s: Sentence, c: FigureClaim): AmountClaim[] {
  return amounts(s).filter((a) => a.index < c.index && a.item === c.item && a.depth === c.depth && sameSubject(a, c));
}

const isBudget = (a: AmountClaim): boolean => a.measure === null || a.measure === 'budget' || a.measure === 'initial' || a.measure === 'annual';

/** The arithmetic a sentence carries on its own: budget, spent and rate; this year, last year and the change; a share of a total. */
export function ownChecks(s: Sentence, sums: TextSum[]): OwnCheck[] {
  const out: OwnCheck[] = [];
  for (const c of s.claims) {
    if (c.figure.loose) continue;
    if (c.kind === 'rate' && (c.measure === 'exec' || c.measure === 'variance')) {
      const prior = before(s, c);
      const e = [...prior].reverse().find((a) => a.measure === 'exec');
      // Every budget before the amount spent may be the one the rate is of (年初 or 调整后): it fits if one gives it.
      const budgets = e ? [...prior].reverse().filter((a) => a.index < e.index && isBudget(a)) : [];
      if (!e || !budgets.length) continue;
      const variance = c.measure === 'variance';
      const fitsAny = budgets.some((b) => {
        const r = ratioRange(e.figure, b.figure);
        return !!r && rateFits(c.figure, variance ? [r[0].minus(1), r[1].minus(1)] : r, variance);
      });
      const b = budgets[0];
      if (b.figure.value.isZero()) continue;
      const mid = convert(e.figure.value, e.figure.unit, b.figure.unit).dividedBy(b.figure.value);
      out.push({ claim: c, from: variance ? `${e.figure.text} ÷ ${b.figure.text} − 1` : `${e.figure.text} ÷ ${b.figure.text}`, expected: shownRate(variance ? mid.minus(1) : mid, c.figure.places), fits: fitsAny });
    } else if (c.kind === 'rate' && c.measure === 'share') {
      const a = [...amounts(s)].reverse().find((x) => x.index < c.index && x.item === c.item && x.depth === c.depth);
      const sum = a && sums.find((t) => t.parts.includes(a));
      if (!a || !sum) continue;
      // `…其中：授予小微企业合同金额300万元，占政府采购支出总额的60%`: a share of a whole the sentence names, not of the
      // total it lists the amount under. A base that is the total's own name, or a word for the whole, is that total.
      if (c.base && !baseIsTotal(c.base, sum.total)) continue;
      const r = ratioRange(a.figure, sum.total.figure);
      if (!r) continue;
      out.push({ claim: c, from: `${a.figure.text} ÷ ${sum.total.figure.text}`, expected: shownRate(convert(a.figure.value, a.figure.unit, sum.total.figure.unit).dividedBy(sum.total.figure.value), c.figure.places), fits: rateFits(c.figure, r) });
    } else if ((c.kind === 'change' || (c.kind === 'rate' && c.measure === 'growth')) && c.against === 'budget') {
      // `实际支出155.93万元，超支55.93万元`, `决算101.93万元，比年初预算减少136.07万元，下降57.17%`: on the budget.
      const prior = amounts(s).filter((a) => a.index < c.index && sameSubject(a, c) && !a.figure.loose);
      const e = [...prior].reverse().find((a) => a.measure === 'exec');
      const budgets = prior.filter((a) => a.measure !== null && a.measure !== 'exec');
      if (!e || !budgets.length) continue;
      const fitsOne = (b: AmountClaim): OwnCheck => changeCheck(c, e, b);
      const checks = budgets.map(fitsOne);
      out.push(checks.find((x) => x.fits) ?? checks[checks.length - 1]);
    } else if (c.kind === 'change' || (c.kind === 'rate' && c.measure === 'growth')) {
      const prior = amounts(s).filter((a) => a.index < c.index && sameSubject(a, c) && a.measure !== null && !a.figure.loose);
      const cur = [...prior].reverse().find((a) => a.period.rel === 'current');
      const prev = [...prior].reverse().find((a) => a.period.rel === 'prev' && (!cur || a.measure === cur.measure));
      if (!cur || !prev || cur.measure !== prev.measure) continue;
      const check = changeCheck(c, cur, prev);
      if (check.from) out.push(check);
    }
  }
  // `完成预算的99%，超支5万元`: a rate below 100% (at its printed precision) beside spending above the budget, or the
  // reverse, cannot both hold, whatever the budget was.
  for (const c of s.claims) {
    if (c.kind !== 'rate' || c.measure !== 'exec' || c.figure.loose || out.some((o) => o.claim === c)) continue;
    const over = s.claims.find((o): o is ChangeClaim => o.kind === 'change' && o.against === 'budget' && !o.figure.loose && !o.figure.value.isZero() && o.item === c.item && sameSubject(o, c));
    if (!over) continue;
    const h = halfUlp(c.figure.places, true);
    const below = c.figure.value.plus(h).lessThan(100);
    const above = c.figure.value.minus(h).greaterThan(100);
    if ((over.sign > 0 && below) || (over.sign < 0 && above))
      out.push({ claim: c, from: `${over.word}${over.figure.text}`, expected: over.sign > 0 ? '>100%' : '<100%', fits: false });
  }
  return out;
}

/** A change (an amount or a growth rate) against the two figures it is of: `now − then`, `(now − then) ÷ then`. */
export function changeCheck(c: ChangeClaim | RateClaim, now: { figure: Figure }, then: { figure: Figure }, magnitude = false): OwnCheck {
  if (c.kind === 'change') {
    const diff = convert(now.figure.value, now.figure.unit, c.figure.unit).minus(convert(then.figure.value, then.figure.unit, c.figure.unit));
    const stated = c.figure.value.times(c.sign);
    const shown = diff.toDecimalPlaces(c.figure.places, D.ROUND_HALF_UP);
    const word = diff.isNegative() ? '−' : '+';
    return { claim: c, from: `${now.figure.text} − ${then.figure.text}`, expected: `${word}${shown.abs().toFixed(c.figure.places)}${c.figure.unit}`, fits: shown.equals(stated) };
  }
  const r = ratioRange(now.figure, then.figure);
  if (!r) return { claim: c, from: '', expected: '', fits: true };
  const range: [Dec, Dec] = [r[0].minus(1), r[1].minus(1)];
  const stated = { ...c.figure, value: c.figure.value.times(c.sign) };
  const mid = convert(now.figure.value, now.figure.unit, then.figure.unit).dividedBy(then.figure.value).minus(1);
  return { claim: c, from: `(${now.figure.text} − ${then.figure.text}) ÷ ${then.figure.text}`, expected: shownRate(mid, c.figure.places), fits: rateFits(stated, range, magnitude) };
}
