/**
 * What exceljs is given to load, from a received package: only the parts it understands (the workbook, its sheets,
 * styles, shared strings, theme, notes, tables, document properties), named the way it looks for them, with the
 * small damages the reader reads past mended, and sheet names it refuses stood in for. Everything else stays in
 * the source package, which package-graft.ts copies into what exceljs writes.
 */
import { OpcPackage, Rel, relKind, XML_HEAD } from './package-model';
import { Child, children, dropIdAttr, idsIn, relPrefixes, replaceChildren } from './package-xml';
import { copyError } from './verify';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const EMPTY_SHEET = `${XML_HEAD}<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`;
const EMPTY_STYLES =
  `${XML_HEAD}<styleSheet xmlns="${MAIN}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
const EMPTY_STRINGS = `${XML_HEAD}<sst xmlns="${MAIN}" count="0" uniqueCount="0"/>`;

export type Role = 'root' | 'workbook' | 'sheet';

/** Relationship kinds exceljs reads and writes itself, from each kind of source part. */
const KEPT: Record<Role, Set<string>> = {
  root: new Set(['officeDocument', 'core-properties', 'extended-properties']),
  workbook: new Set(['worksheet', 'styles', 'theme', 'sharedStrings']),
  sheet: new Set(['comments', 'vmlDrawing', 'table', 'hyperlink']),
};

/** Part names exceljs recognises (it matches them exactly), by relationship kind, and a name of that form. */
const NAMED: Record<string, { test: RegExp; make: (n: number, ext: string) => string }> = {
  worksheet: { test: /^xl\/worksheets\/sheet\d+\.xml$/, make: (n) => `xl/worksheets/sheet${n}.xml` },
  styles: { test: /^xl\/styles\.xml$/, make: (n) => (n === 1 ? 'xl/styles.xml' : `xl/styles${n}.xml`) },
  sharedStrings: { test: /^xl\/sharedStrings\.xml$/, make: (n) => (n === 1 ? 'xl/sharedStrings.xml' : `xl/sharedStrings${n}.xml`) },
  theme: { test: /^xl\/theme\/[a-zA-Z0-9]+\.xml$/, make: (n) => `xl/theme/theme${n}.xml` },
  comments: { test: /^xl\/comments\d+\.xml$/, make: (n) => `xl/comments${n}.xml` },
  vmlDrawing: { test: /^xl\/drawings\/vmlDrawing\d+\.vml$/, make: (n) => `xl/drawings/vmlDrawing${n}.vml` },
  table: { test: /^xl\/tables\/table\d+\.xml$/, make: (n) => `xl/tables/table${n}.xml` },
  'core-properties': { test: /^docProps\/core\.xml$/, make: (n) => (n === 1 ? 'docProps/core.xml' : `docProps/core${n}.xml`) },
  'extended-properties': { test: /^docProps\/app\.xml$/, make: (n) => (n === 1 ? 'docProps/app.xml' : `docProps/app${n}.xml`) },
};

/** Parts that, empty or not XML, are replaced by an empty one of their kind; any other such part is dropped. */
const EMPTY: Record<string, string> = { worksheet: EMPTY_SHEET, styles: EMPTY_STYLES, sharedStrings: EMPTY_STRINGS };

export interface Prepared {
  /** The received package, renamed and mended: what the copy's other parts are taken from. */
  source: OpcPackage;
  /** The zip exceljs loads. */
  feed: Uint8Array;
  /** The workbook part in `source` and `feed`. */
  workbook: string;
  /** Stand-in sheet names → the names they stand for. */
  names: Map<string, string>;
  /** The input's sheets, by name, in order: every one must be in the copy. */
  sheets: string[];
}

const looksLikeXml = (data: Uint8Array) => {
  for (const b of data) {
    if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === 0xef || b === 0xbb || b === 0xbf) continue;
    return b === 0x3c;
  }
  return false;
};

/** Whether exceljs reads a relationship of `source` itself (then the feed keeps it), given the part's XML children. */
export function keptByExcelJS(role: Role, rel: Rel, referrers: Map<string, string[]>, hasComments: boolean): boolean {
  const kind = relKind(rel.type);
  if (!KEPT[role].has(kind)) return false;
  if (role !== 'sheet' || kind !== 'vmlDrawing') return true;
  // The vml drawing exceljs writes is the one that shows the notes; one for header pictures or controls is carried.
  return hasComments && (referrers.get(rel.id) ?? []).every((n) => n === 'legacyDrawing');
}

/** Which children of a part name each relationship id. */
export function referrersOf(kids: Child[], prefixes: string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const c of kids) for (const id of idsIn(c.text, prefixes)) out.set(id, [...(out.get(id) ?? []), c.name]);
  return out;
}

/** The workbook's sheet parts and the roles of the parts that relationships leave from. */
export function sourcesOf(pkg: OpcPackage, workbook: string): Array<{ part: string; role: Role }> {
  const sheets = pkg.sheets(workbook).filter((s) => s.part && s.kind === 'worksheet').map((s) => s.part!);
  return [{ part: '', role: 'root' as Role }, { part: workbook, role: 'workbook' as Role }, ...[...new Set(sheets)].map((part) => ({ part, role: 'sheet' as Role }))];
}

/**
 * Removes from a part the relationships `drop` says to, and the children of its XML that name them: a page setup
 * loses only the id, a hyperlink its id and then itself if it has no place in the workbook to go to.
 */
function dropRels(pkg: OpcPackage, part: string, drop: (rel: Rel | null, id: string) => boolean): void {
  const rels = pkg.rels(part);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const kept = rels.filter((r) => !drop(r, r.id));
  if (kept.length !== rels.length) pkg.setRels(part, kept);
  if (!part) return;
  const xml = pkg.text(part);
  if (!xml) return;
  const prefixes = relPrefixes(xml);
  const edits: Array<{ child: Child; text: string }> = [];
  for (const c of children(xml)) {
    if (c.name === 'sheets') continue;
    const gone = idsIn(c.text, prefixes).filter((id) => drop(byId.get(id) ?? null, id));
    if (!gone.length) continue;
    if (c.name === 'hyperlinks') {
      const text = c.text.replace(/<([\w.-]+:)?hyperlink\b[^>]*\/>|<([\w.-]+:)?hyperlink\b[^>]*>[\s\S]*?<\/([\w.-]+:)?hyperlink>/g, (h) => {
        let out = h;
        for (const id of gone) out = dropIdAttr(out, prefixes, id);
        return out === h || /\slocation\s*=/.test(out) ? out : '';
      });
      edits.push({ child: c, text: /<([\w.-]+:)?hyperlink\b/.test(text) ? text : '' });
    } else if (c.name === 'pageSetup') {
      let text = c.text;
      for (const id of gone) text = dropIdAttr(text, prefixes, id);
      edits.push({ child: c, text });
    } else edits.push({ child: c, text: '' });
  }
  if (edits.length) pkg.setText(part, replaceChildren(xml, edits));
}

/** Renames the parts exceljs would not recognise by name to names it does, every relationship following. */
function canonicalNames(pkg: OpcPackage, workbook: string): string {
  const moves = new Map<string, string>();
  const taken = new Set(pkg.names().map((n) => n.toLowerCase()));
  const claim = (from: string, rule: { make: (n: number, ext: string) => string }) => {
    if (moves.has(from)) return;
    for (let n = 1; ; n++) {
      const to = rule.make(n, '');
      if (!taken.has(to.toLowerCase())) {
        taken.add(to.toLowerCase());
        moves.set(from, to);
        return;
      }
    }
  };
  let wb = workbook;
  if (workbook !== 'xl/workbook.xml') {
    if (pkg.find('xl/workbook.xml')) claim('xl/workbook.xml', { make: (n) => `xl/workbook-other${n}.xml` });
    moves.set(workbook, 'xl/workbook.xml');
    taken.add('xl/workbook.xml');
    wb = 'xl/workbook.xml';
  }
  for (const { source } of pkg.allRels()) {
    for (const r of pkg.rels(source)) {
      const rule = NAMED[relKind(r.type)];
      if (r.external || !rule || !pkg.find(r.target) || rule.test.test(r.target)) continue;
      claim(r.target, rule);
    }
  }
  pkg.renameAll(moves);
  return wb;
}

/** A name exceljs accepts for a worksheet (it refuses some that Excel and the reader take). */
function acceptable(name: string, seen: Set<string>): boolean {
  return name !== '' && name !== 'History' && !/[*?:/\\[\]]/.test(name) && !/(^')|('$)/.test(name) && name.length <= 31 && !seen.has(name.toLowerCase());
}

const escapeAttr = (s: string) => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

function standIns(pkg: OpcPackage, workbook: string): Map<string, string> {
  const names = new Map<string, string>();
  const seen = new Set<string>();
  const sheets = pkg.sheets(workbook);
  const all = new Set(sheets.map((s) => s.name.toLowerCase()));
  const xml = pkg.text(workbook) ?? '';
  let i = 0;
  const out = xml.replace(/<([\w.-]+:)?sheet\b[^>]*>/g, (tag) => {
    const s = sheets[i++];
    if (!s || acceptable(s.name, seen)) {
      if (s) seen.add(s.name.toLowerCase());
      return tag;
    }
    let stand = '';
    for (let n = 1; !stand || all.has(stand.toLowerCase()); n++) stand = `jixiao_sheet_${n}`;
    all.add(stand.toLowerCase());
    seen.add(stand.toLowerCase());
    names.set(stand, s.name);
    return tag.replace(/(\sname\s*=\s*)("[^"]*"|'[^']*')/, (_m, pre: string) => `${pre}"${escapeAttr(stand)}"`);
  });
  if (names.size) pkg.setText(workbook, out);
  return names;
}

export function prepare(input: OpcPackage, file: string): Prepared {
  const source = input;
  const office = source.rels('').find((r) => relKind(r.type) === 'officeDocument' && !r.external && source.find(r.target));
  if (!office) throw copyError(file, 'structure');
  const sheets = source.sheets(office.target).map((s) => s.name);
  const types = source.types();
  // A sheet whose part is missing, empty or not XML is copied empty; so are styles and shared strings.
  for (const { part } of sourcesOf(source, office.target)) {
    for (const r of source.rels(part)) {
      const kind = relKind(r.type);
      if (r.external || !(kind in NAMED)) continue;
      const data = source.get(r.target);
      if (data && looksLikeXml(data)) continue;
      if (EMPTY[kind]) {
        source.setText(r.target, EMPTY[kind]);
        if (kind === 'worksheet' && !source.typeOf(r.target, types)) types.overrides.set(r.target.toLowerCase(), `${CT}.worksheet+xml`);
      } else if (data) source.remove(r.target);
    }
  }
  source.setTypes(types);
  const workbook = canonicalNames(source, office.target);
  // A relationship to a part the package lacks, or an id no relationship has, is dropped with what says it.
  for (const { part } of sourcesOf(source, workbook)) dropRels(source, part, (r) => !r || (!r.external && !source.find(r.target)));
  const names = standIns(source, workbook);

  const feed = source.clone();
  for (const { part, role } of sourcesOf(feed, workbook)) {
    const xml = part ? (feed.text(part) ?? '') : '';
    const referrers = referrersOf(part ? children(xml) : [], relPrefixes(xml));
    const hasComments = feed.rels(part).some((r) => relKind(r.type) === 'comments');
    dropRels(feed, part, (r) => !r || !keptByExcelJS(role, r, referrers, hasComments));
  }
  return { source, feed: reachable(feed).zip(true), workbook, names, sheets };
}

/** The package with only the parts reachable through relationships from its root (and the content types). */
function reachable(pkg: OpcPackage): OpcPackage {
  const keep = new Set<string>(['[content_types].xml']);
  const todo = [''];
  while (todo.length) {
    const part = todo.pop()!;
    for (const r of pkg.rels(part)) {
      const name = r.external ? null : pkg.find(r.target);
      if (name && !keep.has(name.toLowerCase())) {
        keep.add(name.toLowerCase());
        todo.push(name);
      }
    }
  }
  const out = new OpcPackage([]);
  for (const name of pkg.names()) {
    const source = name.match(/^(.*?)_rels\/([^/]*)\.rels$/i);
    const owner = source ? source[1] + source[2] : null;
    if (keep.has(name.toLowerCase()) || (owner !== null && (owner === '' || keep.has(owner.toLowerCase())))) out.set(name, pkg.get(name)!);
  }
  return out;
}
