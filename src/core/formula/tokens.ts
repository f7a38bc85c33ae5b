import { colIndex, colName } from '../snapshot';

/**
 * A small formula scanner: it finds string literals, sheet prefixes, A1 references and defined names, so that
 * a formula can be rewritten before the parser library sees it (defined names resolved, sheet names quoted) and
 * turned into its relative R1C1 shape. Parsing and evaluation proper are the library's.
 */
export type Token =
  | { type: 'text'; text: string }
  | { type: 'ref'; sheet: string | null; col: number; row: number; colAbs: boolean; rowAbs: boolean }
  | { type: 'name'; sheet: string | null; name: string };

const DELIMS = new Set([...' +-*/^&=<>(),;:{}!"\'%\n\r\t[]@']);
const CELL = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})$/;
const NUMBER = /^\d+(\.\d*)?([eE]\d*)?$|^\.\d+$/;

export function tokenize(formula: string): Token[] {
  const s = formula.startsWith('=') ? formula.slice(1) : formula;
  const out: Token[] = [];
  const text = (t: string) => {
    const last = out[out.length - 1];
    if (last && last.type === 'text') last.text += t;
    else out.push({ type: 'text', text: t });
  };
  let sheet: string | null = null;
  let i = 0;
  while (i < s.length) {
    const ch = s[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < s.length) {
        if (s[j] === '"' && s[j + 1] === '"') j += 2;
        else if (s[j] === '"') break;
        else j++;
      }
      text(s.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (ch === "'") {
      let j = i + 1;
      let name = '';
      while (j < s.length) {
        if (s[j] === "'" && s[j + 1] === "'") {
          name += "'";
          j += 2;
        } else if (s[j] === "'") break;
        else name += s[j++];
      }
      if (s[j + 1] === '!') {
        sheet = name;
        i = j + 2;
        continue;
      }
      text(s.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const m = /^#[A-Za-z0-9/]+[!?]?/.exec(s.slice(i));
      const t = m ? m[0] : ch;
      text(t);
      i += t.length;
      continue;
    }
    if (DELIMS.has(ch)) {
      text(ch);
      i++;
      continue;
    }
    let j = i;
    while (j < s.length && !DELIMS.has(s[j])) j++;
    let word = s.slice(i, j);
    if (/^\d+(\.\d*)?[eE]$/.test(word) && (s[j] === '+' || s[j] === '-')) {
      let k = j + 1;
      while (k < s.length && /\d/.test(s[k])) k++;
      word = s.slice(i, k);
      j = k;
    }
    if (s[j] === '!') {
      sheet = word;
      i = j + 1;
      continue;
    }
    const m = CELL.exec(word);
    if (m && s[j] !== '(') {
      out.push({ type: 'ref', sheet, col: colIndex(m[2]), row: Number(m[4]) - 1, colAbs: m[1] === '$', rowAbs: m[3] === '$' });
    } else if (s[j] === '(' || NUMBER.test(word) || /^(TRUE|FALSE)$/i.test(word) || /^\$?[A-Za-z]{1,3}$/.test(word) || /^\$?\d+$/.test(word)) {
      text((sheet !== null ? `${quoteSheet(sheet)}!` : '') + word);
    } else {
      out.push({ type: 'name', sheet, name: word });
    }
    sheet = null;
    i = j;
  }
  return out;
}

export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function refA1(t: Extract<Token, { type: 'ref' }>, withSheet = true): string {
  const ref = `${t.colAbs ? '$' : ''}${colName(t.col)}${t.rowAbs ? '$' : ''}${t.row + 1}`;
  return t.sheet !== null && withSheet ? `${quoteSheet(t.sheet)}!${ref}` : ref;
}

/**
 * Rewrites a formula for the parser library: every sheet name quoted, every defined name replaced by the
 * reference it stands for. Unknown names are left as they are (the library then reports #NAME?).
 */
export function prepare(formula: string, names: ReadonlyMap<string, string>): string {
  return tokenize(formula)
    .map((t) => {
      if (t.type === 'text') return t.text;
      if (t.type === 'ref') return refA1(t);
      const target = names.get(t.name.toLowerCase());
      return target ?? (t.sheet !== null ? `${quoteSheet(t.sheet)}!${t.name}` : t.name);
    })
    .join('');
}

/** The formula's relative R1C1 form as Excel writes it (`=RC[-1]/RC[-2]`), for a formula in (row, col). */
export function toR1C1(formula: string, row: number, col: number): string {
  if (!formula.startsWith('=')) return formula;
  const body = tokenize(formula)
    .map((t) => {
      if (t.type === 'text') return t.text;
      if (t.type === 'name') return (t.sheet !== null ? `${quoteSheet(t.sheet)}!` : '') + t.name;
      const r = t.rowAbs ? `R${t.row + 1}` : t.row === row ? 'R' : `R[${t.row - row}]`;
      const c = t.colAbs ? `C${t.col + 1}` : t.col === col ? 'C' : `C[${t.col - col}]`;
      return (t.sheet !== null ? `${quoteSheet(t.sheet)}!` : '') + r + c;
    })
    .join('');
  return `=${body}`;
}
