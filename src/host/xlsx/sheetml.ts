import { Area, colIndex, colName, parseA1, parseAreaA1, Snapshot } from '../../core/snapshot';
import BUILTIN_FORMATS from './builtin-formats.json';
import { assembleSheet, CellData, PlacedCell } from './sheet';
import type { ZipEntry } from './unzip';

/**
 * A direct reader of the SpreadsheetML that Excel, WPS and the usual libraries write: the values, cached results,
 * formulas, number formats, merges, hidden rows and columns, protection, defined names and keywords a Snapshot
 * holds, read with a few regular expressions over each part. It reads what SheetJS reads, the same way (the
 * differential test holds the two to one Snapshot), in a fraction of the time: SheetJS builds a whole workbook
 * model (styles, themes, fills) the checks never look at.
 *
 * Anything out of the ordinary (prefixed or strict-namespace XML, CDATA, chart sheets, date cells, data tables,
 * number formats past Excel's range, a reference that leads nowhere) makes it give up with null, and SheetJS reads
 * the file instead: the fast path never guesses.
 */
export function readSheetML(members: ZipEntry[], stateXml: string | null): Snapshot | null {
  try {
    return read(new Package(members), stateXml);
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

class Unsupported extends Error {}

const give = (why: string): never => {
  throw new Unsupported(why);
};

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';

class Package {
  private readonly parts = new Map<string, Uint8Array>();
  private readonly decoder = new TextDecoder('utf-8', { fatal: false });

  constructor(members: ZipEntry[]) {
    for (const m of members) this.parts.set(m.name.toLowerCase(), m.data);
  }

  /** A part's text, or null when the package has no such part. */
  text(path: string): string | null {
    const data = this.parts.get(path.replace(/^\//, '').toLowerCase());
    if (!data) return null;
    // UTF-16 parts (a byte-order mark other than UTF-8's) are rare enough to leave to SheetJS.
    if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) give('utf-16');
    const s = this.decoder.decode(data);
    if (s.includes('<![CDATA[') || s.includes('<!--')) give('cdata');
    return s;
  }

  /** The relationships of a part: id → [type, resolved target path]. */
  rels(of: string): Map<string, { type: string; target: string }> {
    const dir = of.includes('/') ? of.slice(0, of.lastIndexOf('/') + 1) : '';
    const text = this.text(`${dir}_rels/${of.slice(dir.length)}.rels`) ?? '';
    const out = new Map<string, { type: string; target: string }>();
    for (const m of text.matchAll(/<Relationship\b([^<>]*)>/g)) {
      const a = attrs(m[1]);
      if (!a.Id || !a.Target || a.TargetMode === 'External') continue;
      out.set(a.Id, { type: a.Type ?? '', target: resolve(dir, unescapeXml(a.Target)) });
    }
    return out;
  }
}

function resolve(dir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : dir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

const ATTR = /(?<![\w:.-])([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const BALANCED = /^(?:[^"']|"[^"]*"|'[^']*')*$/;

function attrs(s: string): Record<string, string> {
  // A `>` inside a quoted value ends the tag early for these patterns: the quotes left open show it.
  if (!BALANCED.test(s)) give('> in an attribute');
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]] = m[2] ?? m[3];
  return out;
}

const ENTITY = /&(?:quot|apos|gt|lt|amp|#x?([\da-fA-F]+));/gi;
const NAMED: Record<string, string> = { '&quot;': '"', '&apos;': "'", '&gt;': '>', '&lt;': '<', '&amp;': '&' };
const CODE = /_x([\da-fA-F]{4})_/gi;

/** XML text as SheetJS decodes it: entities, then Excel's `_xHHHH_` escapes; `cell` folds CRLF as in cells. */
export function unescapeXml(s: string, cell = false): string {
  let out = s;
  if (out.includes('&')) out = out.replace(ENTITY, (e: string, code?: string) => NAMED[e.toLowerCase()] ?? codePoint(parseInt(code ?? '', e.includes('x') || e.includes('X') ? 16 : 10)));
  if (out.includes('_x') || out.includes('_X')) out = out.replace(CODE, (_, c: string) => String.fromCharCode(parseInt(c, 16)));
  return cell ? out.replace(/\r\n/g, '\n') : out;
}

const codePoint = (n: number) => (n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : give('character reference'));

const bool = (v: string | undefined) => v === '1' || v === 'true';

/** A cell's address, or the area of a merge: one the reader cannot place gives up. */
function cellAt(ref: string): { r: number; c: number } {
  try {
    const { row, col } = parseA1(ref);
    return { r: row, c: col };
  } catch {
    return give(`ref ${ref}`);
  }
}

function area(ref: string): Area {
  try {
    return parseAreaA1(ref);
  } catch {
    return give(`ref ${ref}`);
  }
}

/** Text without its phonetic runs (`<rPh>`, the readings of Japanese text). */
function withoutPhonetic(s: string): string {
  let out = '';
  let i = 0;
  for (let at = s.indexOf('<rPh', i); at >= 0; at = s.indexOf('<rPh', i)) {
    const close = s.indexOf('</rPh>', at);
    if (close < 0) give('unclosed rPh');
    out += s.slice(i, at);
    i = close + 6;
  }
  return out + s.slice(i);
}

/** A rich or plain string item (`<si>`, `<is>`): its text without phonetic runs, as SheetJS reads it. */
function stringItem(x: string): string {
  const s = x.trim();
  if (!s) return '';
  if (/^<t[\s>/]/.test(s)) return unescapeXml(s.slice(s.indexOf('>') + 1).split('</t>')[0], true);
  if (/<r[\s>]/.test(s)) {
    const runs = withoutPhonetic(s).match(/<t\b[^<>]*>([^<]*)<\/t>/g) ?? [];
    return unescapeXml(runs.join('').replace(/<[^>]*>/g, ''), true);
  }
  return '';
}

function sharedStrings(xml: string | null): string[] {
  if (!xml) return [];
  if (!xml.includes('<sst')) give('sst namespace');
  const body = element(xml, 'sst')?.text ?? '';
  return body.replace(/<si>/g, '').split('</si>').slice(0, -1).map(stringItem);
}

/** Each cell format's number format: built-in ids from Excel's table, custom ones from the workbook's own list. */
function numberFormats(xml: string | null): string[] {
  if (!xml) return [];
  if (!xml.includes('<styleSheet')) give('styles namespace');
  const formats = new Map<number, string>(Object.entries(BUILTIN_FORMATS).map(([k, v]) => [Number(k), v]));
  for (const m of xml.matchAll(/<numFmt\b([^<>]*)>/g)) {
    const a = attrs(m[1]);
    const id = parseInt(a.numFmtId ?? '', 10);
    if (!(id >= 0) || id > 0x188) give('numFmtId');
    if (id > 0) formats.set(id, unescapeXml(a.formatCode ?? ''));
  }
  const xfs = element(xml, 'cellXfs')?.text ?? '';
  return [...xfs.matchAll(/<xf\b([^<>]*)>/g)].map((m) => {
    const id = parseInt(attrs(m[1]).numFmtId ?? '0', 10) || 0;
    if (id > 0x188) give('numFmtId');
    return formats.get(id) ?? 'General';
  });
}

// SheetJS's pattern for a cell reference in a formula, applied outside string literals and quoted sheet names.
const FORMULA_REF = /(^|[^._A-Z0-9])([$]?)([A-Z]{1,2}|[A-W][A-Z]{2}|X[A-E][A-Z]|XF[A-D])([$]?)(10[0-3]\d{4}|104[0-7]\d{3}|1048[0-4]\d{2}|10485[0-6]\d|104857[0-6]|[1-9]\d{0,5})(?![_.(A-Za-z0-9])/g;

/** A shared formula as it reads in a cell `dr` rows and `dc` columns from the one that holds its text. */
export function shiftFormula(f: string, dr: number, dc: number): string {
  return f
    .split(/("(?:[^"]|"")*"|'(?:[^']|'')*')/)
    .map((part, i) =>
      i % 2
        ? part
        : part.replace(FORMULA_REF, (_, pre: string, cAbs: string, col: string, rAbs: string, row: string) => {
            const c = cAbs ? colIndex(col) : colIndex(col) + dc;
            const r = rAbs ? Number(row) : Number(row) + dr;
            if (c < 0 || c >= MAX_COLS || r < 1 || r > MAX_ROWS) give('shared formula moved off the sheet');
            return pre + (cAbs ? `$${col}` : colName(c)) + (rAbs ? `$${row}` : String(r));
          }),
    )
    .join('');
}

const MAX_COLS = 16_384;
const MAX_ROWS = 1_048_576;
/** Excel's limit on a formula's length, in characters. */
const FORMULA_LIMIT = 8_192;

const stripXlfn = (f: string) => (f.includes('_xlfn.') ? f.replace(/_xlfn\./g, '') : f);

interface SheetParts {
  cells: PlacedCell[];
  merges: Area[];
  hiddenCols: (c: number) => boolean;
  hiddenRows: Set<number>;
  protected: boolean;
}

const isTagEnd = (code: number) => code === 62 || code === 47 || code === 32 || code === 9 || code === 10 || code === 13;

/**
 * The first `<name …>text</name>` or `<name …/>` in s from `from`: where it starts and ends, its attributes and
 * text. Found with indexOf, never a backtracking pattern, so that a hostile sheet costs time in proportion to its
 * size; an element left open gives up.
 */
function element(s: string, name: string, from = 0): { start: number; end: number; attrs: string; text: string } | null {
  let at = s.indexOf(`<${name}`, from);
  while (at >= 0 && !isTagEnd(s.charCodeAt(at + name.length + 1))) at = s.indexOf(`<${name}`, at + 1);
  if (at < 0) return null;
  const gt = s.indexOf('>', at);
  if (gt < 0) return give('unclosed');
  if (s.charCodeAt(gt - 1) === 47) return { start: at, end: gt + 1, attrs: s.slice(at + name.length + 1, gt - 1), text: '' };
  const close = s.indexOf(`</${name}>`, gt);
  if (close < 0) return give('unclosed');
  return { start: at, end: close + name.length + 3, attrs: s.slice(at + name.length + 1, gt), text: s.slice(gt + 1, close) };
}

function worksheet(xml: string, strings: string[], formats: string[]): SheetParts {
  const data = element(xml, 'sheetData') ?? give('sheetData');
  const head = xml.slice(0, data.start);
  const tail = xml.slice(data.end);
  // Hidden column ranges as a difference array over Excel's 16,384 columns: one pass, whatever their number.
  let delta: Int32Array | null = null;
  for (const m of head.matchAll(/<col\b([^<>]*)>/g)) {
    const a = attrs(m[1]);
    const from = Math.max(0, Number(a.min) - 1);
    const to = Math.min(MAX_COLS - 1, Number(a.max) - 1);
    if (bool(a.hidden) && from <= to) {
      delta ??= new Int32Array(MAX_COLS + 1);
      delta[from]++;
      delta[to + 1]--;
    }
  }
  const hidden = new Uint8Array(delta ? MAX_COLS : 0);
  if (delta) for (let c = 0, n = 0; c < MAX_COLS; c++) hidden[c] = (n += delta[c]) > 0 ? 1 : 0;
  const hiddenCols = (c: number) => hidden[c] === 1;
  const merges = [...tail.matchAll(/<mergeCell\b([^<>]*)>/g)].map((m) => area(attrs(m[1]).ref ?? give('merge')));
  const protection = /<sheetProtection\b([^<>]*)>/.exec(tail);
  const cells: PlacedCell[] = [];
  const hiddenRows = new Set<number>();
  const shared = new Map<string, { f: string; r: number; c: number }>();
  const body = data.text;
  if (/<\w+:/.test(body)) give('prefixed element in sheetData');
  let row = -1;
  let col = -1;
  for (let i = body.indexOf('<'); i >= 0; i = body.indexOf('<', i)) {
    if (body.startsWith('<row', i) && isTagEnd(body.charCodeAt(i + 4))) {
      const gt = body.indexOf('>', i);
      if (gt < 0) give('unclosed row');
      const a = attrs(body.slice(i + 4, gt));
      row = a.r !== undefined ? parseInt(a.r, 10) - 1 : row + 1;
      col = -1;
      if (bool(a.hidden)) hiddenRows.add(row);
      i = gt + 1;
      continue;
    }
    if (body.charCodeAt(i + 1) !== 99 /* c */ || !isTagEnd(body.charCodeAt(i + 2))) {
      i++;
      continue;
    }
    const cell = element(body, 'c', i)!;
    i = cell.end;
    const a = attrs(cell.attrs);
    let r = row;
    let c = col + 1;
    if (a.r !== undefined) ({ r, c } = cellAt(a.r));
    col = c;
    const inner = cell.text;
    if (inner.includes('<c')) give('cell not closed where it should be');
    const vm = inner ? element(inner, 'v') : null;
    const v = vm && vm.text !== '' ? unescapeXml(vm.text) : undefined;
    let formula = '';
    const fm = inner ? element(inner, 'f') : null;
    if (fm) {
      const fa = attrs(fm.attrs);
      if (fa.t === 'dataTable') give('data table');
      if (fm.text) {
        formula = stripXlfn(unescapeXml(fm.text, true));
        if (formula.length > FORMULA_LIMIT) throw new Error(`${colName(c)}${r + 1}: 公式超过 Excel 的 8,192 字符上限 formula longer than Excel's 8,192 characters`);
        if (fa.t === 'shared' && fa.si !== undefined) shared.set(fa.si, { f: formula, r, c });
      } else if (fa.t === 'shared' && fa.si !== undefined) {
        const master = shared.get(fa.si);
        if (master) formula = shiftFormula(master.f, r - master.r, c - master.c);
      }
    }
    let d: CellData | null;
    const numFmt = a.s !== undefined ? (formats[Number(a.s)] ?? 'General') : 'General';
    const f = formula ? `=${formula}` : '';
    const stub = (): CellData | null => (f ? { raw: null, type: 'empty', formula: f, numFmt } : null);
    switch (a.t ?? 'n') {
      case 'n': {
        if (v === undefined || v === '') d = stub();
        else {
          const n = parseFloat(v);
          if (Number.isNaN(n)) give('number');
          d = { raw: n, type: 'number', formula: f, numFmt };
        }
        break;
      }
      case 's': {
        if (v === undefined) d = stub();
        else {
          const s = strings[parseInt(v, 10)];
          if (s === undefined) give('shared string');
          d = s ? { raw: s, type: 'string', formula: f, numFmt } : stub();
        }
        break;
      }
      case 'str': {
        const s = v === undefined ? '' : v.replace(/\r\n/g, '\n');
        d = s ? { raw: s, type: 'string', formula: f, numFmt } : stub();
        break;
      }
      case 'inlineStr': {
        const is = element(inner, 'is');
        const s = is ? stringItem(is.text) : '';
        d = s ? { raw: s, type: 'string', formula: f, numFmt } : stub();
        break;
      }
      case 'b':
        d = { raw: bool(v), type: 'boolean', formula: f, numFmt };
        break;
      case 'e':
        if (v === undefined || !/^#[A-Z0-9/_]+[!?]?$/.test(v)) return give('error code');
        d = { raw: v, type: 'error', formula: f, numFmt };
        break;
      default:
        return give(`cell type ${a.t}`);
    }
    if (d) cells.push({ r, c, d });
  }
  return { cells, merges, hiddenCols, hiddenRows, protected: !!protection && bool(attrs(protection[1]).sheet) };
}

function read(pkg: Package, stateXml: string | null): Snapshot {
  const root = [...pkg.rels('').values()];
  const book = root.find((x) => x.type === `${REL}officeDocument`)?.target ?? give('no workbook');
  const xml = pkg.text(book) ?? give('workbook part');
  if (!xml.includes('<sheets')) give('workbook namespace');
  const rels = pkg.rels(book);
  const byType = (type: string) => [...rels.values()].find((x) => x.type === `${REL}${type}`)?.target;
  const sst = byType('sharedStrings');
  const styles = byType('styles');
  const strings = sharedStrings(sst ? pkg.text(sst) : null);
  const formats = numberFormats(styles ? pkg.text(styles) : null);
  const sheets = [...xml.matchAll(/<sheet\b([^<>]*)>/g)].map((m) => {
    const a = attrs(m[1]);
    const rel = rels.get(a['r:id'] ?? '') ?? give('sheet relationship');
    if (rel.type !== `${REL}worksheet`) give('not a worksheet');
    const name = unescapeXml(a.name ?? give('sheet name'));
    const ws = worksheet(pkg.text(rel.target) ?? give('sheet part'), strings, formats);
    return assembleSheet(name, ws.cells, ws.merges, {
      hiddenCol: ws.hiddenCols,
      hiddenRow: (r) => ws.hiddenRows.has(r),
      protected: ws.protected,
    });
  });
  const names: Array<{ name: string; ref: string }> = [];
  for (const m of xml.matchAll(/<definedName\b([^<>]*)>([^<]*)<\/definedName>/g)) {
    const a = attrs(m[1]);
    const ref = unescapeXml(m[2]);
    if (a.localSheetId === undefined && a.name && ref && !/[,;]/.test(ref)) names.push({ name: a.name, ref });
  }
  const coreTarget = root.find((x) => x.type.endsWith('/metadata/core-properties'))?.target;
  const core = coreTarget ? pkg.text(coreTarget) : null;
  const keywords = core ? (element(core, 'cp:keywords') ?? element(core, 'keywords'))?.text : undefined;
  const marks = keywords ? unescapeXml(keywords).split(/[\s,;]+/).filter(Boolean) : [];
  return { sheets, names, stateXml, marks };
}
