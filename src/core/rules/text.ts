import { D, Dec } from '../decimal';
import { changeCheck, compareSum, OwnCheck, ownChecks, partsSum, ratioRange, rateFits, shownRate, sumsOf, TextSum } from '../text/arithmetic';
import { AmountClaim, ChangeClaim, documentYear, FigureClaim, RateClaim, readParagraph, ReadParagraph, Sentence } from '../text/claims';
import { AmountFact, Facts, factsOf, LabelList, RowFacts } from '../text/facts';
import { convert, Figure, FigureUnit, normalizeText } from '../text/figures';
import { AmountMeasure, grainOf } from '../text/words';
import { Rule, RuleContext } from './types';

interface ReadText {
  year: number | null;
  /** `section`: the project the heading before the paragraph named, or null. */
  paragraphs: Array<{ n: number; text: string; read: ReadParagraph; section: string | null }>;
}

const cache = new WeakMap<string[], ReadText>();
/** Figures a narrative is read for: a report states hundreds, a long one a few thousand. */
const MAX_FIGURES = 20_000;
/** Restatements of one subject that disagree with its first statement, reported each (a real report has one or two). */
const MAX_REPEATS = 5;

function readText(paragraphs: string[]): ReadText {
  let r = cache.get(paragraphs);
  if (!r) {
    const year = documentYear(paragraphs);
    // A heading that names a project (`（一）城乡规划项目`) is what a bare 项目 means until the next heading.
    let heading: string | null = null;
    let figures = 0;
    const all = paragraphs.map((text, i) => {
      // A text of more figures than any report states is not a report's narrative: the rest of it is not read.
      const section = heading;
      if (figures > MAX_FIGURES) return { n: i + 1, text, read: { sentences: [], heading }, section };
      const read = readParagraph(text, year, heading);
      heading = read.heading;
      for (const s of read.sentences) figures += s.claims.length;
      return { n: i + 1, text, read, section };
    });
    r = { year, paragraphs: all.filter((p) => p.read.sentences.some((s) => s.claims.length || s.grades.length)) };
    cache.set(paragraphs, r);
  }
  return r;
}

/** The paragraph's first words, as a message quotes them. */
function start(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 12 ? t : `${t.slice(0, 12)}…`;
}

function at(ctx: RuleContext, n: number) {
  return { sheet: ctx.document?.textSheet ?? '', row: n - 1, col: 0 };
}

/** How a claim names what it states: its subject and measure word as the sentence writes them. */
function named(c: FigureClaim): { subject: string; measure: string } {
  const measure = c.kind === 'amount' || c.kind === 'rate' ? (c.measureWord ?? '') : '';
  const rateWord = c.kind === 'rate' && c.measure === 'exec' ? '执行率' : c.kind === 'rate' && c.measure === 'variance' ? '预决算差异率' : c.kind === 'rate' && c.measure === 'share' ? '占比' : '';
  const m = c.kind === 'rate' ? measure || rateWord : c.kind === 'change' ? c.word : measure;
  return { subject: c.subject.text, measure: m && c.subject.text.endsWith(m) ? '' : m };
}

const shownAmount = (v: Dec, places: number, unit: FigureUnit): string => `${v.toDecimalPlaces(places, D.ROUND_HALF_UP).toFixed(places)}${unit}`;

// ——— text.sum ———

function sumFinding(ctx: RuleContext, n: number, text: string, sum: TextSum): void {
  const cmp = compareSum(sum.total.figure, sum.parts.map((p) => p.figure));
  if (cmp === 0 || (cmp < 0 && !sum.complete)) return;
  const total = sum.total.figure;
  const s = partsSum(total, sum.parts.map((p) => p.figure));
  const places = Math.max(total.places, ...sum.parts.map((p) => p.figure.places));
  const expected = shownAmount(s, places, total.unit);
  const { subject, measure } = named(sum.total);
  ctx.report({
    ref: at(ctx, n),
    variant: sum.complete ? undefined : 'more',
    params: { n, start: start(text), subject: `${subject}${measure}` || '合计', stated: total.text, expected, parts: sum.parts.map((p) => p.figure.text).join(' + ') },
    expected,
    actual: total.text,
  });
}

// ——— text.claim ———

const FITS: Record<AmountMeasure, AmountMeasure[]> = {
  initial: ['initial', 'budget'],
  annual: ['annual', 'budget'],
  budget: ['budget', 'initial', 'annual'],
  exec: ['exec'],
};

function rowsFor(facts: Facts, c: FigureClaim): RowFacts[] {
  const key = c.subject.key;
  if (key) {
    const grain = grainOf(key, c.subject.text);
    return facts.rows.filter((r) => r.key === key && (grain === null || grainOf(key, r.subject) === null || grainOf(key, r.subject) === grain));
  }
  const text = c.subject.text;
  return text.length >= 2 ? facts.rows.filter((r) => !r.key && r.subject === text) : [];
}

/** A table amount in the claim's unit, and whether the claim states it (at the printed precision of both). */
function amountFits(claim: Figure, fact: AmountFact): boolean {
  const p = Math.min(claim.places, fact.places ?? claim.places);
  const fits = (v: Dec): boolean => v.toDecimalPlaces(p, D.ROUND_HALF_UP).equals(claim.value.toDecimalPlaces(p, D.ROUND_HALF_UP));
  if (fact.unit) return fits(convert(fact.value, fact.unit, claim.unit));
  // A table that names no unit may be in 元 or in 万元.
  return fits(fact.value) || fits(convert(fact.value, '元', claim.unit)) || fits(convert(fact.value, '万元', claim.unit));
}

function periodOf(c: FigureClaim): 'current' | 'prev' | null {
  return c.period.rel === 'unknown' ? null : c.period.rel;
}

/** What an amount is of, for telling whether the document states it for the report's year elsewhere. */
const statedId = (c: AmountClaim): string => `${c.subject.key ?? c.subject.text}|${c.measure}`;

function tableAmount(ctx: RuleContext, facts: Facts, n: number, text: string, c: AmountClaim, current: Set<string>): void {
  const period = periodOf(c);
  if (!c.measure || !period || c.figure.loose || c.scope) return;
  // `2023年项目支出1,055.73万元。` … `2022年项目支出950万元。`: the document states the report's year's figure, so the
  // other year is last year's, not a slip of the year.
  if (c.period.slip && current.has(statedId(c))) return;
  const fits = FITS[c.measure];
  const candidates = rowsFor(facts, c).flatMap((r) => r.amounts.filter((a) => a.period === period && fits.includes(a.measure)).map((a) => ({ r, a })));
  if (!candidates.length || candidates.some((x) => amountFits(c.figure, x.a))) return;
  candidates.sort((x, y) => fits.indexOf(x.a.measure) - fits.indexOf(y.a.measure));
  const { r, a } = candidates[0];
  const unit = a.unit ?? c.figure.unit;
  const expected = shownAmount(a.unit ? a.value : a.value, a.places ?? c.figure.places, unit);
  const { subject, measure } = named(c);
  const params = { n, start: start(text), subject, measure, stated: c.figure.text, expected, source: [r.table, r.row, a.column].filter(Boolean).join(' ') };
  // The sentence names an earlier year than the report's and is read as a slip of the year: the claim may still be of
  // that year's money, so this is a warning that names the year.
  if (c.period.slip && c.period.year !== null)
    ctx.report({ ref: at(ctx, n), variant: 'table-year', severity: 'warning', params: { ...params, year: c.period.year }, expected, actual: c.figure.text });
  else ctx.report({ ref: at(ctx, n), variant: 'table', params, expected, actual: c.figure.text });
}

interface RateCandidate {
  source: string;
  expected: string;
  fits: boolean;
}

/** What the tables give for a rate: the rate they print, and the rate their amounts give. */
function tableRates(facts: Facts, c: RateClaim): RateCandidate[] {
  const out: RateCandidate[] = [];
  if (c.measure !== 'exec' && c.measure !== 'variance') return out;
  const variance = c.measure === 'variance';
  for (const r of rowsFor(facts, c)) {
    const cur = r.amounts.filter((a) => a.period === 'current');
    const exec = cur.find((a) => a.measure === 'exec');
    // `完成年初预算的100%` names the budget it is of; `预算执行率` may be of either.
    const word = c.measureWord ?? '';
    const ofBudgets = /年初/.test(word) ? ['initial'] : /全年|调整/.test(word) ? ['annual'] : ['annual', 'budget', 'initial'];
    for (const m of ofBudgets as AmountMeasure[]) {
      const b = cur.find((a) => a.measure === m);
      if (!exec || !b) continue;
      const fig = (a: AmountFact): Figure => ({ value: a.value, places: a.places ?? 2, unit: a.unit ?? '万元', text: '', loose: false, at: 0, end: 0 });
      const range = ratioRange(fig(exec), fig(b));
      if (!range) continue;
      const mid = convert(exec.value, exec.unit ?? '万元', b.unit ?? '万元').dividedBy(b.value);
      out.push({
        source: `${r.table} ${r.row} ${exec.column} ÷ ${b.column}`,
        expected: shownRate(variance ? mid.minus(1) : mid, c.figure.places),
        fits: rateFits(c.figure, variance ? [range[0].minus(1), range[1].minus(1)] : range, variance),
      });
    }
    for (const x of r.rates.filter((q) => q.measure === c.measure)) {
      const p = Math.min(c.figure.places, x.places ?? c.figure.places);
      const a = x.value.toDecimalPlaces(p, D.ROUND_HALF_UP);
      const b = c.figure.value.toDecimalPlaces(p, D.ROUND_HALF_UP);
      out.push({ source: `${r.table} ${r.row} ${x.column}`, expected: `${x.value.toFixed(x.places ?? p)}%`.replace(/^-/, '−'), fits: a.equals(b) || (variance && a.abs().equals(b.abs())) });
    }
  }
  return out;
}

function rateClaim(ctx: RuleContext, facts: Facts, n: number, text: string, c: RateClaim, own: OwnCheck | undefined): void {
  if (c.figure.loose) return;
  const table = periodOf(c) === 'current' && !c.scope ? tableRates(facts, c) : [];
  if ((own && own.fits) || table.some((t) => t.fits)) return;
  const { subject, measure } = named(c);
  const base = { n, start: start(text), subject, measure, stated: c.figure.text };
  if (table.length) {
    ctx.report({ ref: at(ctx, n), variant: 'table', params: { ...base, expected: table[0].expected, source: table[0].source }, expected: table[0].expected, actual: c.figure.text });
  } else if (own) {
    ctx.report({ ref: at(ctx, n), variant: 'own', params: { ...base, expected: own.expected, from: own.from }, expected: own.expected, actual: c.figure.text });
  }
}

/** A table amount as a written figure (a table without a unit read in the claim's unit). */
const asFigure = (a: AmountFact, unit: FigureUnit): Figure => ({ value: a.value, places: a.places ?? 2, unit: a.unit ?? unit, text: `${a.value.toFixed(a.places ?? 2)}${a.unit ?? unit}`, loose: false, at: 0, end: 0 });

/**
 * A change the text states on last year or on the budget (`公务接待费…较上年减少1.4万元`, `较年初预算减少136.06万元`)
 * against the same subject's row: 本年 − 上年, 决算 − 预算. Only where the sentence itself does not state both figures
 * (then its own arithmetic decides, and its figures are held against the table one by one).
 */
function tableChange(ctx: RuleContext, facts: Facts, n: number, text: string, s: Sentence, c: ChangeClaim | RateClaim, own: OwnCheck | undefined): void {
  if (c.figure.loose || c.scope || !c.against || periodOf(c) !== 'current' || (own && own.from)) return;
  // `公务接待费预算6万元，较上年增加1万元`: a change of the budget the sentence just stated, which no table holds for last year.
  const last = [...s.claims].reverse().find((x): x is AmountClaim => x.kind === 'amount' && x.index < c.index && x.item === c.item && (x.subject === c.subject || (!!x.subject.key && x.subject.key === c.subject.key)));
  if (last && last.measure !== null && last.measure !== 'exec') return;
  const checks: Array<{ check: OwnCheck; source: string }> = [];
  for (const r of rowsFor(facts, c)) {
    const exec = r.amounts.find((a) => a.period === 'current' && a.measure === 'exec');
    if (!exec) continue;
    const others = c.against === 'prev' ? r.amounts.filter((a) => a.period === 'prev' && a.measure === 'exec') : r.amounts.filter((a) => a.period === 'current' && a.measure !== 'exec');
    const units: FigureUnit[] = exec.unit ? [exec.unit] : c.kind === 'change' ? ['元', '万元'] : ['万元'];
    for (const o of others)
      for (const u of units) {
        const check = changeCheck(c, { figure: asFigure(exec, u) }, { figure: asFigure(o, u) });
        if (check.from) checks.push({ check, source: `${r.table} ${r.row} ${exec.column} − ${o.column}` });
      }
  }
  if (!checks.length || checks.some((x) => x.check.fits)) return;
  const { check, source } = checks[0];
  const { subject, measure } = named(c);
  ctx.report({ ref: at(ctx, n), variant: 'table', params: { n, start: start(text), subject, measure, stated: c.figure.text, expected: check.expected, source }, expected: check.expected, actual: c.figure.text });
}

const GRADE_OF: Array<[RegExp, string]> = [
  [/不合格|差/, '差'],
  [/优/, '优'],
  [/良/, '良'],
  [/中/, '中'],
  [/合格|及格/, '合格'],
];
const gradeKey = (g: string): string => GRADE_OF.find(([re]) => re.test(g))?.[1] ?? g;

function scoreClaims(ctx: RuleContext, facts: Facts, n: number, text: string, s: Sentence): void {
  const scores = [...new Set(facts.scores.map((x) => x.value.toString()))];
  for (const c of s.claims) {
    if (c.kind !== 'score' || scores.length !== 1) continue;
    const f = facts.scores[0];
    const p = Math.min(c.figure.places, f.places ?? c.figure.places);
    if (f.value.toDecimalPlaces(p, D.ROUND_HALF_UP).equals(c.figure.value.toDecimalPlaces(p, D.ROUND_HALF_UP))) continue;
    const expected = `${f.value.toFixed(f.places ?? p)}分`;
    ctx.report({ ref: at(ctx, n), variant: 'table', params: { n, start: start(text), subject: '得分', measure: '', stated: c.figure.text, expected, source: `${f.table} 总分` }, expected, actual: c.figure.text });
  }
  const grades = [...new Set(facts.grades.map((g) => gradeKey(g.grade)))];
  for (const g of s.grades) {
    if (grades.length !== 1 || gradeKey(g.grade) === grades[0]) continue;
    const f = facts.grades[0];
    ctx.report({ ref: at(ctx, n), variant: 'table', params: { n, start: start(text), subject: '评价等级', measure: '', stated: `“${g.grade}”`, expected: `“${f.grade}”`, source: `${f.table} 等级` }, expected: f.grade, actual: g.grade });
  }
}

interface Stated {
  n: number;
  sentence: number;
  claim: AmountClaim;
}

/** The same subject, measure and period stated twice with different figures. */
function repeats(ctx: RuleContext, read: ReadText): void {
  const seen = new Map<string, Stated>();
  /** Findings per subject: a text that restates one figure differently hundreds of times needs only the first few. */
  const told = new Map<string, number>();
  let k = 0;
  for (const p of read.paragraphs) {
    for (const s of p.read.sentences) {
      k++;
      for (const c of s.claims) {
        if (c.kind !== 'amount' || !c.measure || c.figure.loose || c.period.rel === 'unknown' || c.scope) continue;
        const subject = c.subject.key ?? (c.ownSubject && c.subject.text.length >= 4 ? c.subject.text : null);
        if (!subject) continue;
        // Two projects' sections state their own figures of the same names (专项资金, 中央资金).
        const id = `${p.section ?? ''}|${subject}|${grainOf(c.subject.key, c.subject.text) ?? ''}|${c.measure}|${c.period.rel}|${c.period.year ?? ''}`;
        const first = seen.get(id);
        if (!first) {
          seen.set(id, { n: p.n, sentence: k, claim: c });
          continue;
        }
        if (first.sentence === k) continue;
        const a = first.claim.figure;
        const v = convert(a.value, a.unit, c.figure.unit);
        const places = Math.min(a.places, c.figure.places);
        if (v.toDecimalPlaces(places, D.ROUND_HALF_UP).equals(c.figure.value.toDecimalPlaces(places, D.ROUND_HALF_UP))) continue;
        const count = (told.get(id) ?? 0) + 1;
        told.set(id, count);
        if (count > MAX_REPEATS) continue;
        const { subject: sub, measure } = named(c);
        ctx.report({ ref: at(ctx, p.n), variant: 'repeat', params: { n: p.n, start: start(p.text), subject: sub, measure, stated: c.figure.text, expected: a.text, m: first.n }, expected: a.text, actual: c.figure.text });
      }
    }
  }
}

/** The document's tables that hold no form and no budget table, as lists of row labels (each row's first written cell). */
function labelLists(ctx: RuleContext): LabelList[] {
  const taken = new Set([...ctx.tables, ...ctx.budgetTables].map((t) => t.sheet));
  return (ctx.document?.tables ?? [])
    .filter((d) => !taken.has(d.sheet))
    .flatMap((d) => {
      const grid = ctx.formulas.book.grid(d.sheet);
      if (!grid) return [];
      const labels: string[] = [];
      for (let r = grid.top; r <= grid.bottom; r++)
        for (let c = grid.left; c <= grid.right; c++) {
          const text = grid.text(r, c).trim();
          if (!text) continue;
          labels.push(text);
          break;
        }
      return [{ name: `表${d.n}`, labels }];
    });
}

export const TEXT_RULES: Rule[] = [
  {
    id: 'text.sum',
    severity: 'error',
    scope: 'workbook',
    docs: { 'zh-CN': '正文中写出的合计等于随后列出的各项之和', 'en-US': 'A total the text states equals the parts it lists' },
    check(ctx) {
      if (!ctx.paragraphs.length) return;
      for (const p of readText(ctx.paragraphs).paragraphs) for (const s of p.read.sentences) for (const sum of sumsOf(s)) sumFinding(ctx, p.n, p.text, sum);
    },
  },
  {
    id: 'text.claim',
    severity: 'error',
    scope: 'workbook',
    docs: { 'zh-CN': '正文中的金额、比率、得分与等级与表格及其自身算式一致', 'en-US': 'The text’s amounts, rates, scores and grades agree with the tables and with their own arithmetic' },
    check(ctx) {
      if (!ctx.paragraphs.length) return;
      const read = readText(ctx.paragraphs);
      const facts = factsOf(ctx.tables, ctx.budgetTables, read.year, labelLists(ctx));
      const current = new Set<string>();
      // Only where a paragraph names the report's year (`2023年`, `本年`): a row of a table read as text names none.
      const names = read.year === null ? null : new RegExp(`${read.year}\\s*年|本年|当年|今年`);
      for (const p of read.paragraphs) {
        if (!names || !names.test(normalizeText(p.text))) continue;
        for (const s of p.read.sentences) for (const c of s.claims) if (c.kind === 'amount' && c.measure && c.period.rel === 'current' && !c.period.slip) current.add(statedId(c));
      }
      for (const p of read.paragraphs) {
        for (const s of p.read.sentences) {
          const own = ownChecks(s, sumsOf(s));
          for (const c of s.claims) {
            const mine = own.find((o) => o.claim === c);
            if (c.kind === 'amount') tableAmount(ctx, facts, p.n, p.text, c, current);
            else if (c.kind === 'rate' && c.measure === 'growth' && !mine) tableChange(ctx, facts, p.n, p.text, s, c, mine);
            else if (c.kind === 'rate') rateClaim(ctx, facts, p.n, p.text, c, mine);
            else if (c.kind === 'change') tableChange(ctx, facts, p.n, p.text, s, c, mine);
          }
          for (const o of own) {
            if (o.fits || o.claim.kind === 'rate') continue;
            const { subject, measure } = named(o.claim);
            ctx.report({ ref: at(ctx, p.n), variant: 'own', params: { n: p.n, start: start(p.text), subject, measure, stated: o.claim.figure.text, expected: o.expected, from: o.from }, expected: o.expected, actual: o.claim.figure.text });
          }
          scoreClaims(ctx, facts, p.n, p.text, s);
        }
      }
      repeats(ctx, read);
    },
  },
];
