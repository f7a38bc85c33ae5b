import { Figure, figuresIn, isMoney, normalizeText } from './figures';
import { amountMeasureOf, bare, rateMeasureOf, Subject, subjectKeyOf, subjectOf, trimFillers } from './subjects';
import { descendants } from './words';
import { alternation, AmountMeasure, RateMeasure, SUBJECT_NAMES, WORDS } from './words';

/**
 * The period a figure is of. `current`: the report's year; `prev`: the year before (上年, or an earlier year the
 * sentence compares with); `unknown`: a paragraph that spoke of another period and a figure that does not say which.
 */
export interface Period {
  rel: 'current' | 'prev' | 'unknown';
  year: number | null;
  /** A year not the report's, in a paragraph that compares nothing: read as the report's for the tables. */
  slip?: boolean;
}

interface ClaimBase {
  figure: Figure;
  subject: Subject;
  /** The subject was written in the figure's own clause (not carried over from an earlier one). */
  ownSubject: boolean;
  period: Period;
  /** The `；`-separated part of the sentence it is in, and its depth in brackets. */
  item: number;
  depth: number;
  /** Its index in the sentence's claims. */
  index: number;
  /**
   * A narrower whole it is part of (`一般公共预算财政拨款支出中，基本支出…`, `财政拨款支出…其中：基本支出…`): a known
   * subject within it is not the department's subject of that name, so it is held against no table and no other sentence.
   */
  scope?: string;
}

export interface AmountClaim extends ClaimBase {
  kind: 'amount';
  measure: AmountMeasure | null;
  /** The measure word as written (`年初预算金额`), or null. */
  measureWord: string | null;
}

export interface RateClaim extends ClaimBase {
  kind: 'rate';
  measure: RateMeasure | null;
  /** For a growth: up (增长) or down (下降). */
  sign: 1 | -1;
  /** For a share: what it is a share of (`全年支出`). */
  base: string | null;
  measureWord: string | null;
  /** For a growth: what it is on. */
  against?: Against;
}

/**
 * What a change is on, as its words say: `prev` the year before (`较上年`, `同比`, `比2022年`), `budget` the budget
 * (`较年初预算`, `超支`), null when they do not say (`增加10.12万元` after two years' figures).
 */
export type Against = 'prev' | 'budget' | null;

/** `比上年增加48.02万元`: a change on an earlier period, with its sign. */
export interface ChangeClaim extends ClaimBase {
  kind: 'change';
  sign: 1 | -1;
  against: Against;
  /** The verb as written (`减少`, `超支`). */
  word: string;
}

export interface ScoreClaim extends ClaimBase {
  kind: 'score';
}

export type FigureClaim = AmountClaim | RateClaim | ChangeClaim | ScoreClaim;

export interface GradeClaim {
  kind: 'grade';
  grade: string;
}

/** Where a list of parts begins (其中, 分别为, 按…分类): after `before` claims of the sentence. */
export interface ListMark {
  before: number;
  depth: number;
  item: number;
  /** Introduced as a complete split (分别为, 按支出性质分类). */
  complete: boolean;
  /** The word that introduced it (其中, 分别为, 按…分类). */
  word: string;
}

export interface Sentence {
  /** The normalised text. */
  text: string;
  claims: FigureClaim[];
  grades: GradeClaim[];
  marks: ListMark[];
  /** Counts the sentence states (`项目9个`), by item. */
  counts: Array<{ n: number; item: number }>;
  /** Clauses without a figure that say something (`预算资金全部为财政拨款`): a list of parts ends there. */
  breaks: number[];
}

export interface ReadParagraph {
  sentences: Sentence[];
  /** The project the paragraph ends under (a heading `（一）城乡规划项目`), for the paragraphs after it. */
  heading: string | null;
}

const PHRASE_MAX = 60;
const FIGURES_MAX = 120;
const SPAN = /(?:19|20)\d{2}\s*年?\s*(?:至|到|-|—|–|～|~)\s*(?:19|20)\d{2}\s*年/;
const DATE = /((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?/;
const PARTIAL = /上半年|下半年|前三季度|第?[一二三四]季度|(?<![\d年])(?:[1-9]|1[01])\s*月(?:份|底|末)?(?!\d)|(?<!\d)(?:[1-9]|1[01])\s*(?:-|—|–|～|~|至|到)\s*(?:[1-9]|1[01])\s*月/;
const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年度?(?![\d末初底])/g;
const PREV = new RegExp(alternation(WORDS.prev));
const CURRENT = new RegExp(alternation(WORDS.current));
const CONTRAST = new RegExp(alternation(WORDS.contrast));
const PERIOD_WORDS = new RegExp(`(?:${alternation([...WORDS.prev, ...WORDS.current])})`, 'g');
const CHANGE = new RegExp(
  `^(.*?)((?:较|比|相比|与|同比|对比|环比)(?:[^，。；]{0,14}?)?(?:相比|对比)?)?(${alternation(WORDS.changeUp)}|${alternation(WORDS.changeDown)})了?$`,
);
const LIST_MARK = new RegExp(`(${alternation(WORDS.listMarks)})[：:]?`);
const CLASSIFIED = /按(?:照)?[\u4e00-\u9fff]{0,8}(?:分类|划分|分)/;
const COUNT = /(?<![\d.])(\d+)\s*(?:个|项|笔)/g;
const GRADE = new RegExp(`(?:${alternation(WORDS.gradeWords)})(?:为|是|评定为|确定为|：|:)?\\s*[“「"『]?(${alternation(WORDS.grades)})[”」"』]?(?![\\u4e00-\\u9fff])`, 'g');
/** A clause that states something rather than naming a subject. */
const STATEMENT = /[为是]|用于|主要|全部|已经|通过|按照|根据|由于|因为/;
const NOT_TOTAL_SCORE = /指标|分值|满分|权重|扣|单项|该项(?!目)|此项(?!目)|[一二三四五六七八九十]级/;
/** Words of the other kind of measure: a bare amount after them could be either. */
const BUDGET_WORDS = /预算|批复|安排|下达|计划/;
const EXEC_WORDS = /支出|执行|决算|使用|支付|拨付/;
const SCORE_WORD = new RegExp(alternation(WORDS.scoreWords));
const GRADE_WORD = new RegExp(alternation(WORDS.gradeWords));
/** Words that make what follows a hypothetical or a part (`若剔除…`, `不含…`, `除…外`). */
const QUALIFIER = /剔除|扣除|除去|不含|不包括|未含|若(?!干)|如果|假如|假设|倘若|除[^，。；]{0,20}外/;
/** `财政拨款支出中`: a whole of money that the clauses after it are within. */
const SCOPE = /^(.{2,30}(?:支出|收入|经费|资金|拨款|费用?))中$/;

/** Names holding a period word of their own (`上年结转`, `年末结转和结余`), masked before periods are read. */
const PERIOD_NAMES = SUBJECT_NAMES.filter((n) => PREV.test(n.name) || CURRENT.test(n.name)).map((n) => n.name);
const maskNames = (s: string): string => (PERIOD_NAMES.length ? s.replace(PERIOD_NAME, '□') : s);
const PERIOD_NAME = new RegExp(alternation(PERIOD_NAMES), 'g');
/** Every subject name, longest first: what a clause says after its names are taken out. */
const ALL_NAMES = new RegExp(alternation(SUBJECT_NAMES.map((n) => n.name)), 'g');

interface ParagraphContext {
  docYear: number | null;
  /** The paragraph compares nothing and names one year only. */
  oneYear: boolean;
  /** The years the paragraph names. */
  years: number[];
}

/** What a change's comparison names (see Against). */
function againstOf(comparison: string | undefined, verb: string, ctx: ParagraphContext): Against {
  // `比上年预算减少`: last year's budget, neither the budget nor last year's spending.
  if (comparison && BUDGET_WORDS.test(comparison) && PREV.test(maskNames(comparison))) return null;
  if (WORDS.overBudget.includes(verb) || (comparison && BUDGET_WORDS.test(comparison))) return 'budget';
  if (!comparison) return null;
  if (/同比|环比/.test(comparison)) return 'prev';
  const masked = maskNames(comparison);
  if (PREV.test(masked)) return 'prev';
  const years = [...masked.matchAll(YEAR)].map((m) => Number(m[1]));
  return years.length && ctx.docYear !== null && years[years.length - 1] === ctx.docYear - 1 ? 'prev' : null;
}

/** The document's year: the first `2023年度` of its opening paragraphs, else the first year there. */
export function documentYear(paragraphs: string[]): number | null {
  const opening = paragraphs.filter((p) => p.trim()).slice(0, 6).map(normalizeText);
  for (const re of [/((?:19|20)\d{2})\s*年度/, /((?:19|20)\d{2})\s*年/]) {
    for (const p of opening) {
      const m = re.exec(p);
      if (m) return Number(m[1]);
    }
  }
  return null;
}

function yearPeriod(y: number, ctx: ParagraphContext): Period {
  if (ctx.docYear === null) {
    const max = Math.max(...ctx.years);
    return { rel: y === max || ctx.oneYear ? 'current' : 'prev', year: y };
  }
  if (y === ctx.docYear) return { rel: 'current', year: y };
  if (ctx.oneYear && y < ctx.docYear) return { rel: 'current', year: y, slip: true };
  return { rel: y < ctx.docYear ? 'prev' : 'unknown', year: y };
}

/** The period a phrase names (a year, 上年, 本年), or null. */
function periodIn(phrase: string, ctx: ParagraphContext): Period | null {
  const masked = maskNames(phrase);
  // `2019年至2023年`, `截至2023年6月30日`, `上半年`: several years, or part of one, are no year's figure.
  if (SPAN.test(masked) || PARTIAL.test(masked)) return { rel: 'unknown', year: null };
  const date = DATE.exec(masked);
  if (date) {
    const y = Number(date[1]);
    const yearEnd = Number(date[2]) === 12 && (!date[3] || Number(date[3]) === 31);
    if (!yearEnd) return { rel: 'unknown', year: null };
    if (ctx.docYear !== null && y === ctx.docYear - 1) return { rel: 'prev', year: y };
    if (ctx.docYear !== null && y !== ctx.docYear) return { rel: 'unknown', year: null };
  }
  const years = [...masked.matchAll(YEAR)].map((m) => Number(m[1]));
  if (PREV.test(masked)) return { rel: 'prev', year: ctx.docYear === null ? null : ctx.docYear - 1 };
  if (CURRENT.test(masked)) return { rel: 'current', year: ctx.docYear };
  if (years.length) return yearPeriod(years[years.length - 1], ctx);
  return null;
}

/** A phrase without its years and period words (names that hold them kept). */
function withoutPeriod(phrase: string): string {
  if (!/\d|年|期|去|同/.test(phrase)) return phrase.trim();
  const kept: string[] = [];
  let s = PERIOD_NAMES.length ? phrase.replace(PERIOD_NAME, (n) => `〔${kept.push(n) - 1}〕`) : phrase;
  s = s.replace(YEAR, '').replace(PERIOD_WORDS, '');
  return s.replace(/〔(\d+)〕/g, (_, i: string) => kept[Number(i)]).trim();
}

interface State {
  subject: Subject;
  /** A whole the clauses after `X中，` are within. */
  scope: Subject | null;
  period: Period;
  /** The sentence spoke of a budget or of spending so far (a measure word, or a clause without figures). */
  spoke: { budget: boolean; exec: boolean };
}

/** Reads one normalised sentence. `state` carries the subject and period from clause to clause. */
function readSentence(t: string, ctx: ParagraphContext, start: Period): Sentence {
  const figures = figuresIn(t);
  // A run of figures no sentence writes is not read (it is a table pasted as text, or no text at all).
  if (figures.length > FIGURES_MAX) return { text: t, claims: [], grades: [], marks: [], counts: [], breaks: [] };
  // A sentence without a figure states only a grade, if any.
  if (!figures.length) return { text: t, claims: [], grades: [...t.matchAll(GRADE)].map((m) => ({ kind: 'grade', grade: m[1] })), marks: [], counts: [], breaks: [] };
  const claims: FigureClaim[] = [];
  const marks: ListMark[] = [];
  const counts: Sentence['counts'] = [];
  const breaks: number[] = [];
  const grades: GradeClaim[] = [...t.matchAll(GRADE)].map((m) => ({ kind: 'grade', grade: m[1] }));
  const state: State = { subject: { key: null, text: '' }, scope: null, period: start, spoke: { budget: false, exec: false } };
  const spoke = (words: string): void => {
    const w = words.replace(ALL_NAMES, '');
    if (BUDGET_WORDS.test(w)) state.spoke.budget = true;
    if (EXEC_WORDS.test(w)) state.spoke.exec = true;
  };
  let depth = 0;
  let item = 0;
  const brackets: boolean[] = [];
  let clause = '';
  let f = 0;

  const noteClause = (raw: string, isPrefix: boolean): string => {
    if (!raw.trim()) return '';
    let s = raw.slice(-PHRASE_MAX);
    for (const m of s.matchAll(COUNT)) counts.push({ n: Number(m[1]), item });
    s = s.replace(COUNT, '');
    const mark = LIST_MARK.exec(s);
    const classified = CLASSIFIED.exec(s);
    if (mark || classified) {
      const complete = !!classified || (!!mark && WORDS.completeMarks.includes(mark[1]));
      marks.push({ before: claims.length, depth, item, complete, word: classified ? classified[0] : mark![1] });
      const cut = Math.max(mark ? mark.index + mark[0].length : 0, classified ? classified.index + classified[0].length : 0);
      s = s.slice(cut);
    }
    // `若剔除…，`, `不含结转资金，`: the figures after it are of a whole the tables do not print.
    const q = QUALIFIER.exec(s);
    if (q) state.scope = { key: null, text: q[0] };
    if (!isPrefix) {
      const p = periodIn(s, ctx);
      if (p && !CHANGE.test(trimFillers(s))) state.period = p;
      const phrase = trimFillers(withoutPeriod(s));
      // `一般公共预算财政拨款支出中，…`: the figures after it are of that narrower whole (a measure word names no whole).
      const within = SCOPE.exec(phrase);
      if (within && !amountMeasureOf(within[1]).word) {
        const w = subjectOf(within[1]);
        if (w.text) state.scope = w;
      }
      const known = subjectKeyOf(phrase);
      // A clause that only names something (`（1）办公楼维修项目：预算资金50万元…`) is the subject of the figures after it.
      if (known || (!STATEMENT.test(phrase) && /[\u4e00-\u9fff]{2}/.test(phrase) && phrase.length <= 30)) {
        const named = subjectOf(phrase);
        if (named.text) state.subject = named;
      }
      spoke(phrase);
      if (STATEMENT.test(phrase)) breaks.push(claims.length);
    }
    return s;
  };

  const scoped = (c: FigureClaim): FigureClaim => {
    const sc = state.scope;
    if (sc && QUALIFIER.test(sc.text)) c.scope = sc.text;
    else if (sc && c.subject.key && c.subject.key !== sc.key && !(sc.key && descendants(sc.key)?.has(c.subject.key))) c.scope = sc.text;
    return c;
  };
  const onFigure = (fig: Figure, rawPrefix: string): void => {
    // A subject and its measure are a short phrase: the end of a long clause is enough (and keeps the reading linear).
    const prefix = noteClause(rawPrefix.slice(-PHRASE_MAX), true);
    const base = { figure: fig, item, depth, index: claims.length };
    const change = isMoney(fig.unit) || fig.unit === '%' ? CHANGE.exec(trimFillers(prefix)) : null;
    // The period words of a change name what it is compared with, not the figure's own period.
    const own = change ? null : periodIn(prefix, ctx);
    if (own) state.period = own;
    const phrase = withoutPeriod(change ? change[1] : prefix);
    const take = (rest: string, word: string | null = null): { subject: Subject; ownSubject: boolean } => {
      const s = subjectOf(rest);
      // `收入5,000元，支出4,800元`: a bare 支出 after an income is a subject of its own.
      if (!s.text && word === '支出' && state.subject.text.includes('收入')) return { subject: { key: null, text: '支出' }, ownSubject: true };
      // `城乡规划项目：项目年初预算…`: a bare 项目 is the project the clause before named.
      if (DEICTIC.has(s.text) && typeof projectHeading(state.subject.text) === 'string')
        return { subject: state.subject, ownSubject: false };
      if (s.text) {
        state.subject = s;
        return { subject: s, ownSubject: true };
      }
      return { subject: state.subject, ownSubject: false };
    };
    if (fig.unit === '分') {
      // Only the total score: an indicator's points (`产出指标得分45分`, `满分10分`, `扣2分`) are not restated figures.
      if (!SCORE_WORD.test(prefix) || NOT_TOTAL_SCORE.test(prefix)) return;
      claims.push(scoped({ ...base, kind: 'score', subject: { key: 'score', text: '得分' }, ownSubject: true, period: state.period }));
      return;
    }
    if (fig.unit === '%') {
      if (change) {
        const up = WORDS.changeUp.includes(change[3]);
        claims.push(scoped({ ...base, kind: 'rate', measure: 'growth', sign: up ? 1 : -1, base: null, measureWord: change[3], against: againstOf(change[2], change[3], ctx), ...take(trimFillers(phrase)), period: state.period }));
        return;
      }
      const r = rateMeasureOf(phrase);
      claims.push(scoped({ ...base, kind: 'rate', measure: r.measure, sign: r.sign, base: r.base, measureWord: r.word, ...take(r.rest), period: state.period }));
      return;
    }
    if (change) {
      const up = WORDS.changeUp.includes(change[3]);
      claims.push(scoped({ ...base, kind: 'change', sign: up ? 1 : -1, against: againstOf(change[2], change[3], ctx), word: change[3], ...take(trimFillers(phrase)), period: state.period }));
      return;
    }
    const m = amountMeasureOf(phrase);
    // A name's own measure (基本支出 is spent) does not hold in a sentence that spoke of the other kind before it:
    // `年初预算中，基本支出500万元`.
    if (m.measure && !m.word && ((m.measure === 'exec' && state.spoke.budget) || (m.measure !== 'exec' && state.spoke.exec))) m.measure = null;
    // `比2022年度的1,002.34万元`: the base of a comparison is the same measure as the figure compared.
    if (!m.measure && /^(比|较|相比|与)/.test(phrase)) {
      const last = [...claims].reverse().find((c): c is AmountClaim => c.kind === 'amount');
      if (last) m.measure = last.measure;
    }
    const s = take(m.rest, m.word);
    if (m.word) spoke(m.word);
    claims.push(scoped({ ...base, kind: 'amount', measure: m.measure, measureWord: m.word, ...s, period: state.period }));
  };

  for (let i = 0; i < t.length; ) {
    const fig = figures[f];
    if (fig && fig.at === i) {
      onFigure(fig, clause);
      clause = '';
      f++;
      i = fig.end;
      continue;
    }
    const ch = t[i];
    if (ch === '，' || ch === '、' || ch === '：') {
      noteClause(clause, false);
      clause = '';
    } else if (ch === '；') {
      noteClause(clause, false);
      clause = '';
      item++;
    } else if (ch === '(') {
      const close = t.indexOf(')', i);
      const group = close > i && figures.some((g) => g.at > i && g.at < close);
      brackets.push(group);
      if (group) {
        noteClause(clause, false);
        clause = '';
        depth++;
      } else clause += ch;
    } else if (ch === ')') {
      const group = brackets.pop() ?? false;
      if (group) {
        noteClause(clause, false);
        clause = '';
        depth = Math.max(0, depth - 1);
      } else clause += ch;
    } else clause += ch;
    i++;
  }
  noteClause(clause, false);
  // `人员经费…，主要包括：基本工资、津贴补贴等；公用经费…`: a list of words with no figure in its own item lists nothing.
  const listing = marks.filter((m) => claims.some((c) => c.index >= m.before && c.item === m.item && c.depth >= m.depth));
  marks.splice(0, marks.length, ...listing);
  scopeLists(claims, marks, breaks);
  // `城区后勤管理运行费 857.12 万元，实际支出为 369.92 万元`: an amount with no measure before the amount spent on the
  // same subject is its budget.
  for (const c of claims) {
    if (c.kind !== 'amount' || c.measure !== null) continue;
    const spent = claims.find((x) => x.kind === 'amount' && x.index > c.index && x.item === c.item && x.depth === c.depth && x.measure === 'exec' && !x.ownSubject && x.subject === c.subject);
    if (spent) c.measure = 'budget';
  }
  return { text: t, claims, grades, marks, counts, breaks };
}

/**
 * The parts listed after a total whose subject the words do not know (`一般公共预算财政拨款支出…，其中：基本支出…`) are
 * of that total, not the department's subjects of the same names. A total that is a known subject keeps its parts
 * (`本年支出合计…其中：基本支出`), and one made of several (`总支出及年末结转结余`) may hold any of them.
 */
function scopeLists(claims: FigureClaim[], marks: ListMark[], breaks: number[]): void {
  marks.forEach((mark, mi) => {
    const total = [...claims].reverse().find((c) => c.kind === 'amount' && c.index < mark.before && c.depth === mark.depth);
    if (!total || total.subject.key || !total.subject.text || /[及和与、]/.test(total.subject.text)) return;
    for (const c of claims.slice(mark.before)) {
      if (c.depth < mark.depth || marks.some((m, k) => k > mi && m.before === c.index && m.depth <= mark.depth)) break;
      if (breaks.some((b) => b > mark.before && b <= c.index)) break;
      if (c.subject.key && c.ownSubject && !c.scope) c.scope = total.subject.text;
    }
  });
}

/** The sentences of a paragraph; a sentence that begins with 其中 continues the one before it (as its next item). */
function sentencesOf(t: string): string[] {
  const out: string[] = [];
  for (const s of t.split(/[。！？!?\n]+/)) {
    const x = s.trim();
    if (!x) continue;
    if (out.length && /^其中/.test(x)) out[out.length - 1] += `；${x}`;
    else out.push(x);
  }
  return out;
}

function paragraphContext(t: string, docYear: number | null): ParagraphContext {
  const masked = maskNames(t);
  const years = [...new Set([...masked.matchAll(YEAR)].map((m) => Number(m[1])))];
  const oneYear = years.length === 1 && !CONTRAST.test(masked.replace(YEAR, ''));
  return { docYear, oneYear, years };
}

const HEADING_MAX = 40;
const HEADING_NUMBER = /^(?:[(]?[一二三四五六七八九十\d]{1,3}[)、.]|[①-⑳]|第[一二三四五六七八九十\d]+[部分章节]?[、，.]?)\s*/;
const PROJECT_HEADING = /^(?:项目名称[：:]\s*(.{2,30})|(.{2,30}?项目))(?:的)?(?:基本情况|概况|情况|简介|绩效(?:自评)?(?:情况|报告)?)?$/;
/** What a heading's name before 项目 must not be: a kind of project, not one project. */
const GENERIC_PROJECT = /^(?:部门|单位|本级|重点|专项|各|其他|主要|年度|本年度|所有|全部|具体)$|支出|资金|预算|绩效|情况|经费|实施|开展|完成|共|涉及|安排|个/;

/**
 * A heading (a short sentence with no figure): the project it names (`（一）城乡规划项目`, `项目名称：城乡规划编制`),
 * null for a heading that names none (`（2）项目支出情况`), undefined for a sentence that is no heading.
 */
export function projectHeading(sentence: string): string | null | undefined {
  const t = sentence.trim().replace(/[：:。.，\s]+$/, '');
  if (!t || t.length > HEADING_MAX || figuresIn(t).length) return undefined;
  const numbered = HEADING_NUMBER.test(t);
  const m = PROJECT_HEADING.exec(t.replace(HEADING_NUMBER, '').trim());
  if (!m) return numbered ? null : undefined;
  const name = (m[1] ?? m[2]).trim();
  const before = m[2] ? name.slice(0, -2) : name;
  return before.length >= 2 && !GENERIC_PROJECT.test(before) ? name : null;
}

/** `项目` alone stands for the project a heading named. */
const DEICTIC = new Set([...SUBJECT_NAMES.filter((n) => n.alone).map((n) => n.name), ...WORDS.demonstratives]);

/** A paragraph's claims, sentence by sentence; `heading` the project a heading before it named. */
export function readParagraph(text: string, docYear: number | null = null, heading: string | null = null): ReadParagraph {
  // Words without a digit state no figure: only a heading or a grade is read from them.
  if (!/[\d\uff10-\uff19]/.test(text) && !GRADE_WORD.test(text)) {
    let project = heading;
    for (const s of text.length <= 4 * HEADING_MAX ? sentencesOf(normalizeText(text)) : []) {
      const h = projectHeading(s);
      if (h !== undefined) project = h;
    }
    return { sentences: [], heading: project };
  }
  const t = normalizeText(text);
  const ctx = paragraphContext(t, docYear);
  let period: Period = { rel: 'current', year: docYear };
  const sentences: Sentence[] = [];
  let project = heading;
  for (const s of sentencesOf(t)) {
    const h = projectHeading(s);
    if (h !== undefined) project = h;
    const read = readSentence(s, ctx, period);
    if (project) for (const c of read.claims) if (DEICTIC.has(c.subject.text)) c.subject = { key: null, text: bare(project) };
    sentences.push(read);
    // Once a paragraph spoke of another period, a later figure that names none could be of either.
    const other = read.claims.some((c) => c.period.rel !== 'current' && !c.period.slip);
    if (other) period = { rel: 'unknown', year: null };
  }
  return { sentences, heading: project };
}

/** The claims of one sentence (a convenience for tests and callers that read a single sentence). */
export function claimsOf(text: string, docYear: number | null = null): FigureClaim[] {
  return readParagraph(text, docYear).sentences.flatMap((s) => s.claims);
}
