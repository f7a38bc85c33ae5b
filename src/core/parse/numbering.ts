import { chineseNumber } from './numerals';
import labels from '../data/labels.json';

/**
 * The outline number an indicator's name opens with, ranked the way Chinese documents nest them:
 * 一、 above （一） above 1. above 1.1 above （1） above ①. A row ranked below the numbered row above it is its
 * sub-indicator.
 */
export interface OutlineNumber {
  rank: number;
  /** The number itself (1 for `1.`, `（一）`, `①`); for `1.2` the major number 1. */
  major: number;
}

const MARKS = /^[\s★☆*※▲△●○]*/;
const CHINESE = '[一二三四五六七八九十]{1,3}';
const STYLES: Array<[RegExp, number]> = [
  [new RegExp(`^(${CHINESE})[、.．]`), 0],
  [new RegExp(`^[(（](${CHINESE})[)）]`), 1],
  // `1.` or `1、` opening words, not `1.5万元` (a figure) nor `1.2` (a sub-number).
  [/^(\d{1,2})(?:[、]|[.．](?![\d%]))/, 2],
  [/^(\d{1,2})[.．](\d{1,2})(?![\d%.．])/, 3],
  [/^[(（](\d{1,2})[)）]/, 4],
];
/** `10.5公里`, `1.5万元`: a decimal figure with its unit, not the sub-number 10.5. */
const UNIT_AFTER = new RegExp(`^\\d{1,2}[.．]\\d{1,2}\\s*(?:[A-Za-z]|${[...labels.targets.measureWords, '万', '千', '百', '亿', '元', '%', '‰'].sort((a, b) => b.length - a.length).join('|')})`);
const PART = /^\s*(?:其中|含\s*[:：])/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

export function outlineNumber(name: string): OutlineNumber | null {
  const t = name.replace(MARKS, '');
  for (const [re, rank] of STYLES) {
    const m = re.exec(t);
    if (!m || (rank === 3 && UNIT_AFTER.test(t))) continue;
    const major = /\d/.test(m[1]) ? Number(m[1]) : chineseNumber(m[1]);
    if (major === null) continue;
    return { rank, major };
  }
  const circled = CIRCLED.indexOf(t[0] ?? '');
  return circled >= 0 ? { rank: 5, major: circled + 1 } : null;
}

/**
 * For each name, the index of the numbered name it is a sub-indicator of, or null. A `1.2` belongs only under a `1.`;
 * a run of names without numbers ends the outline; a `其中` row belongs to the row above it.
 */
export function outlineParents(names: string[]): Array<number | null> {
  const nums = names.map(outlineNumber);
  const out: Array<number | null> = [];
  const stack: number[] = [];
  let lastNotPart: number | null = null;
  nums.forEach((n, i) => {
    // `其中：生猪180只` breaks down the row above it that is not itself a 其中 row.
    if (PART.test(names[i])) {
      out.push(lastNotPart);
      return;
    }
    lastNotPart = i;
    if (n === null) {
      stack.length = 0;
      out.push(null);
      return;
    }
    while (stack.length && nums[stack[stack.length - 1]]!.rank >= n.rank) stack.pop();
    let parent = stack.length ? stack[stack.length - 1] : null;
    if (parent !== null && n.rank === 3 && nums[parent]!.major !== n.major) parent = null;
    // A sub-list starts at its first number: `1.甲` then `（2）乙` goes on counting, it does not nest.
    if (parent !== null && n.rank !== 3 && !out.includes(parent) && n.major !== 1) parent = null;
    out.push(parent);
    stack.push(i);
  });
  return out;
}
