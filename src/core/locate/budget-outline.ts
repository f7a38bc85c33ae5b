import words from '../data/budget-headers.json';
import { outlineNumber } from '../parse/numbering';
import { compactText, nfkc } from '../parse/text';

/** One data row as the outline reader sees it. */
export interface OutlineInput {
  /** The label as written, leading whitespace kept (indentation is structure). */
  label: string;
  /** The 序号 cell's text, where the table has that column. */
  seq: string | null;
  /** The 科目编码 cell's text, where the table has that column. */
  code: string | null;
  /** The block (收入 / 支出 section) the row belongs to. */
  block: number;
  /** The row this one is an item of, where the layout says so (a label cell merged down over a group). */
  parent?: number;
}

export interface OutlineRow {
  number: string | null;
  level: number;
  parent: number | null;
  relation: 'sum' | 'part' | null;
  total: boolean;
  /** A row that counts (人, 辆, 个) among amounts: neither a child nor a parent. */
  count: boolean;
  /**
   * A row read as one of its own that may instead be an item of this row (the index): an unnumbered row after a
   * 其中 row in a block without indentation, or under a numbered row at the margin. Sums are checked both ways.
   */
  maybePartOf?: number;
}

const TOTAL = new RegExp(words.totals);
const COUNT = new RegExp(words.countLabels);
const PART = new RegExp(words.part);
const CODE = /^(\d{3}(?:\d{2}){0,2})(?!\d)/;
const WRITTEN_NUMBER = /^\s*((?:[一二三四五六七八九十]{1,3}[、.．])|(?:[(（][一二三四五六七八九十\d]{1,3}[)）])|(?:\d{1,2}(?:[.．]\d{1,2})?[、.．]?)|[①-⑳])/;

/** The label with its numbering and 其中 taken off, spaces removed: what a total or count is recognised by. */
export function bareLabel(label: string): string {
  let t = compactText(label).replace(/^[★☆*※▲△●○]+/, '');
  for (let prev = ''; prev !== t; ) {
    prev = t;
    t = t.replace(PART, '').replace(WRITTEN_NUMBER, '');
  }
  return t.replace(/[:：]+$/, '');
}

export function isTotalLabel(label: string): boolean {
  return TOTAL.test(bareLabel(label));
}

export function isCountLabel(label: string): boolean {
  return COUNT.test(nfkc(label).replace(/\s+/g, ''));
}

/** Leading whitespace as a width: a full-width space counts two, a tab four. */
function indentOf(label: string): number {
  let n = 0;
  for (const ch of label) {
    if (ch === ' ' || ch === '\u00a0') n += 1;
    else if (ch === '\u3000') n += 2;
    else if (ch === '\t') n += 4;
    else break;
  }
  return n;
}

interface Parsed {
  rank: number | null;
  major: number | null;
  number: string | null;
  code: string | null;
  part: boolean;
  total: boolean;
  count: boolean;
  indent: number;
}

function parse(row: OutlineInput): Parsed {
  const indent = indentOf(row.label);
  const t = nfkc(row.label).trim();
  const part = PART.test(t);
  const afterPart = t.replace(PART, '').trim();
  const codeCell = row.code ? CODE.exec(compactText(row.code)) : null;
  const codeLabel = CODE.exec(afterPart.replace(/\s+/g, ''));
  const code = codeCell?.[1] ?? (codeLabel && /^\d{3,7}(?:\s|[\u4e00-\u9fff])/.test(afterPart) ? codeLabel[1] : null);
  // Numbering is read on the text as written: NFKC turns ① into a bare 1.
  const written = row.label.trim().replace(PART, '').trim();
  let n = code ? null : (outlineNumber(written) ?? outlineNumber(afterPart));
  let number = n ? (WRITTEN_NUMBER.exec(afterPart)?.[1] ?? WRITTEN_NUMBER.exec(written)?.[1] ?? null) : null;
  if (!n && !code && row.seq) {
    const s = compactText(row.seq);
    if (/^\d{1,3}$/.test(s)) n = { rank: 2, major: Number(s) };
    else n = outlineNumber(/[、.．)）]$/.test(s) ? s : `${s}、`);
    if (n) number = s;
  }
  return { rank: n?.rank ?? null, major: n?.major ?? null, number: code ?? number, code, part, total: isTotalLabel(row.label), count: isCountLabel(row.label), indent };
}

/**
 * Reads rows as an outline: 部门决算 function codes (类 3 digits ⊃ 款 5 ⊃ 项 7), else numbering (一、 ⊃ （一） ⊃ 1.
 * ⊃ (1) ⊃ ①) and indentation; 其中 rows are parts of the row above; 合计 / 小计 / 总计 rows total the top rows of
 * their block (those after them when they come first), a later total taking an earlier one as one item.
 */
export function readOutline(rows: OutlineInput[]): OutlineRow[] {
  const parsed = rows.map(parse);
  const out: OutlineRow[] = parsed.map((p) => ({ number: p.number, level: 1, parent: null, relation: null, total: p.total, count: p.count && !p.total }));
  const blocks = [...new Set(rows.map((r) => r.block))];
  for (const b of blocks) {
    const idx = rows.map((r, i) => (r.block === b ? i : -1)).filter((i) => i >= 0);
    const codes = idx.filter((i) => parsed[i].code !== null && !out[i].total);
    if (codes.length >= 2) byCodes(idx, parsed, out);
    else byNumbers(idx, rows, parsed, out);
    partsOfTotals(idx, parsed, out);
    totals(idx, rows, parsed, out);
  }
  // A parent with a 其中 row among its items is split in part (computed once per parent: tables run to 10,000 rows).
  const partial = new Set<number>();
  out.forEach((o, k) => o.parent !== null && parsed[k].part && partial.add(o.parent));
  for (let i = 0; i < out.length; i++) {
    const p = out[i].parent;
    if (p === null) continue;
    out[i].relation = out[p].total ? (parsed[i].part ? 'part' : 'sum') : partial.has(p) ? 'part' : 'sum';
  }
  for (let i = 0; i < out.length; i++) out[i].level = out[i].total ? 0 : depth(out, i);
  return out;
}

function totalRank(label: string): number {
  const t = bareLabel(label);
  return t.endsWith('小计') ? 1 : t.endsWith('总计') ? 3 : 2;
}

function depth(out: OutlineRow[], i: number): number {
  let d = 1;
  for (let p = out[i].parent; p !== null && !out[p].total && d < 50; p = out[p].parent) d++;
  return d;
}

function byCodes(idx: number[], parsed: Parsed[], out: OutlineRow[]): void {
  const seen: number[] = [];
  // `人员经费` without a code, then 301 and 303: the coded rows may be its items.
  let head: number | null = null;
  for (const i of idx) {
    const code = parsed[i].code;
    if (out[i].total) head = null;
    if (!out[i].total && !out[i].count && !code) head = i;
    if (out[i].total || out[i].count || !code) continue;
    if (code.length === 3 && head !== null) out[i].maybePartOf = head;
    if (code.length > 3) {
      const prefix = code.slice(0, code.length - 2);
      for (let k = seen.length - 1; k >= 0; k--) {
        if (parsed[seen[k]].code === prefix) {
          out[i].parent = seen[k];
          break;
        }
      }
    }
    seen.push(i);
  }
}

function byNumbers(idx: number[], rows: OutlineInput[], parsed: Parsed[], out: OutlineRow[]): void {
  const indented = idx.some((i) => parsed[i].indent > 0);
  const numbered = idx.some((i) => parsed[i].rank !== null && !out[i].total);
  // A row's rank: its number's rank, or below every number by its indentation; an unnumbered row at the margin of a
  // numbered block stands alone (年初结转和结余 between totals).
  const rankOf = (i: number): number | null => {
    const p = parsed[i];
    if (p.rank !== null) return p.rank;
    if (p.indent > 0) return 10 + p.indent;
    return numbered ? null : 10;
  };
  const stack: number[] = [];
  const ranks = new Map<number, number>();
  let partOf: { parent: number; indent: number } | null = null;
  let lastPlain: number | null = null;
  let plainHead: number | null = null;
  const kids = new Map<number, number>();
  const attach = (i: number, parent: number | null) => {
    out[i].parent = parent;
    if (parent !== null) kids.set(parent, (kids.get(parent) ?? 0) + 1);
  };
  for (const i of idx) {
    const p = parsed[i];
    if (out[i].count) continue;
    const given = rows[i].parent;
    if (given !== undefined && !out[i].total) {
      attach(i, given);
      continue;
    }
    if (out[i].total) {
      stack.length = 0;
      partOf = null;
      lastPlain = null;
      plainHead = null;
      continue;
    }
    if (p.part && lastPlain !== null) {
      attach(i, lastPlain);
      partOf = { parent: lastPlain, indent: parsed[lastPlain].indent };
      if (p.rank !== null) {
        while (stack.length && ranks.get(stack[stack.length - 1])! >= p.rank && stack[stack.length - 1] !== lastPlain) stack.pop();
        stack.push(i);
        ranks.set(i, p.rank);
      }
      continue;
    }
    // An unnumbered row indented under a 其中 row's parent goes on listing its parts.
    if (partOf && p.rank === null && p.indent > partOf.indent) {
      attach(i, partOf.parent);
      continue;
    }
    const rank = rankOf(i);
    if (partOf && !indented && p.rank === null) out[i].maybePartOf = partOf.parent;
    else partOf = null;
    if (rank === null) {
      // Under a numbered row it may be one of that row's items, or a row of its own: sums are checked both ways.
      const above = stack[stack.length - 1];
      if (above !== undefined && out[i].maybePartOf === undefined) out[i].maybePartOf = above;
      else if (above === undefined) {
        stack.length = 0;
        plainHead = i;
      }
      lastPlain = i;
      continue;
    }
    while (stack.length && ranks.get(stack[stack.length - 1])! >= rank) stack.pop();
    let parent = stack.length ? stack[stack.length - 1] : null;
    if (parent !== null && p.rank === 3 && parsed[parent].major !== p.major) parent = null;
    // A sub-list starts at its first number: `1.甲` then `（2）乙` goes on counting, it does not nest.
    if (parent !== null && p.rank !== null && p.rank !== 3 && !kids.has(parent) && p.major !== 1) parent = null;
    if (parent !== null && parsed[parent].part) parent = out[parent].parent;
    attach(i, parent);
    // `本年收入` at the margin, then `一、财政拨款收入` `二、事业收入`: the numbered rows may be its items.
    if (parent === null && plainHead !== null && out[i].maybePartOf === undefined) out[i].maybePartOf = plainHead;
    stack.push(i);
    ranks.set(i, rank);
    lastPlain = i;
  }
}

/** `收入合计` then `其中：财政拨款收入`: 其中 rows right under a total are parts of it, none of its items. */
function partsOfTotals(idx: number[], parsed: Parsed[], out: OutlineRow[]): void {
  let total: number | null = null;
  let listing = false;
  for (const i of idx) {
    if (out[i].total) {
      total = i;
      listing = false;
    } else if (parsed[i].part && total !== null && out[i].parent === null && !out[i].count) {
      out[i].parent = total;
      delete out[i].maybePartOf;
      listing = true;
    } else if (listing && total !== null && parsed[i].indent === 0 && !out[i].count) {
      // `合计 / 其中：基本支出 / 项目支出`: the next row may go on listing the total's parts, or be an item of it.
      out[i].maybePartOf = total;
    } else total = null;
  }
}

/**
 * A block that opens with a total and goes on with another of the same rank with rows after it (`一、收入合计 1. 2.
 * 二、支出合计 1. 2. 三、结余`): each total heads the rows after it, up to the next total or a row numbered at the
 * total's own rank. Returns whether the block was read so.
 */
function totalsFirst(idx: number[], rows: OutlineInput[], parsed: Parsed[], out: OutlineRow[]): boolean {
  const at = idx.flatMap((i, k) => (out[i].total ? [k] : []));
  if (at.length < 2 || at[0] !== 0) return false;
  const rank = totalRank(rows[idx[0]].label);
  const next = at[1];
  // `合计` then `基本支出小计` with its rows, `项目支出小计` with its rows: each group's total opens it.
  const groups = next === 1 && totalRank(rows[idx[1]].label) < rank;
  if (!groups && (totalRank(rows[idx[next]].label) !== rank || next + 1 >= idx.length || out[idx[next + 1]].total)) return false;
  if (groups) {
    for (let n = 1; n < at.length && totalRank(rows[idx[at[n]]].label) < rank; n++) out[idx[at[n]]].parent = idx[0];
  }
  for (let n = groups ? 1 : 0; n < at.length; n++) {
    const head = idx[at[n]];
    const own = parsed[head].rank;
    const end = n + 1 < at.length ? at[n + 1] : idx.length;
    for (let k = at[n] + 1; k < end; k++) {
      const i = idx[k];
      if (own !== null && parsed[i].rank !== null && parsed[i].rank! <= own && out[i].parent === null) break;
      if (out[i].parent === null && !out[i].count) out[i].parent = head;
    }
  }
  return true;
}

/**
 * Each total's items: the top rows since the block's start or the previous total, that total counted as one item
 * in their place; a total that opens its block (nothing before it) takes the top rows after it instead.
 */
function totals(idx: number[], rows: OutlineInput[], parsed: Parsed[], out: OutlineRow[]): void {
  if (totalsFirst(idx, rows, parsed, out)) return;
  let window: number[] = [];
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (!out[i].total) {
      window.push(i);
      continue;
    }
    // 小计 below 合计 below 总计: a total takes an earlier one as an item only when it ranks above it.
    const rank = totalRank(rows[i].label);
    const top = window.filter((w) => out[w].parent === null && !out[w].count && (!out[w].total || totalRank(rows[w].label) < rank));
    if (top.length) {
      for (const w of top) out[w].parent = i;
      window = [...window.filter((w) => out[w].total && out[w].parent === null), i];
      continue;
    }
    // A total first: the rows after it up to the next total or the block's end.
    const after: number[] = [];
    let m = k + 1;
    for (; m < idx.length && !out[idx[m]].total; m++) after.push(idx[m]);
    if (m < idx.length) {
      window = [];
      continue;
    }
    for (const w of after) if (out[w].parent === null && !out[w].count) out[w].parent = i;
    window = [];
  }
}
