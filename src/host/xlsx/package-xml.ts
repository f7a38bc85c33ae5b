/**
 * Just enough XML for moving whole elements between a received part and the part exceljs wrote in its place: the
 * root's direct children (a worksheet's cells are stepped over, not scanned), the relationship ids an element
 * names, and insertion in the order the schema requires.
 */
import { tagAttrs } from './package-model';

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export interface Child {
  /** Local name: `drawing`, `pageSetup` … */
  name: string;
  start: number;
  end: number;
  text: string;
}

/** The end of a tag starting at `i` (the index after its `>`), quotes respected. */
function tagEnd(xml: string, i: number): number {
  let quote = '';
  for (let k = i + 1; k < xml.length; k++) {
    const ch = xml[k];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return k + 1;
  }
  return xml.length;
}

const localName = (tag: string) => {
  const m = /^<\/?([\w.:-]+)/.exec(tag);
  const q = m ? m[1] : '';
  return q.slice(q.indexOf(':') + 1);
};

/** The root element's start tag: [start, end). */
export function rootTag(xml: string): { start: number; end: number; name: string } | null {
  for (let i = xml.indexOf('<'); i >= 0; i = xml.indexOf('<', i + 1)) {
    if (xml[i + 1] === '?' || xml[i + 1] === '!') continue;
    const end = tagEnd(xml, i);
    return { start: i, end, name: localName(xml.slice(i, end)) };
  }
  return null;
}

/** The direct children of the root element. A worksheet's `sheetData` is jumped over to its last closing tag. */
export function children(xml: string): Child[] {
  const root = rootTag(xml);
  if (!root || xml[root.end - 2] === '/') return [];
  const out: Child[] = [];
  let depth = 0;
  let open: { name: string; start: number } | null = null;
  let i = root.end;
  while ((i = xml.indexOf('<', i)) >= 0) {
    if (xml.startsWith('<!--', i)) {
      i = xml.indexOf('-->', i) < 0 ? xml.length : xml.indexOf('-->', i) + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', i)) {
      i = xml.indexOf(']]>', i) < 0 ? xml.length : xml.indexOf(']]>', i) + 3;
      continue;
    }
    if (xml[i + 1] === '?') {
      i = tagEnd(xml, i);
      continue;
    }
    const end = tagEnd(xml, i);
    const tag = xml.slice(i, end);
    if (tag[1] === '/') {
      if (depth === 0) break; // the root closes
      depth--;
      if (depth === 0 && open) {
        out.push({ name: open.name, start: open.start, end, text: xml.slice(open.start, end) });
        open = null;
      }
      i = end;
      continue;
    }
    const name = localName(tag);
    const selfClosing = tag.endsWith('/>');
    if (depth === 0) {
      if (selfClosing) out.push({ name, start: i, end, text: tag });
      else {
        open = { name, start: i };
        depth = 1;
        if (name === 'sheetData') {
          const close = /<\/([\w.-]+:)?sheetData\s*>/g;
          const last = xml.lastIndexOf('sheetData');
          const from = xml.lastIndexOf('</', last);
          close.lastIndex = from;
          const m = close.exec(xml);
          i = m ? m.index : end;
          continue;
        }
      }
    } else if (!selfClosing) depth++;
    i = end;
  }
  return out;
}

/** Namespace declarations on the root element: prefix → URI ('' for the default namespace). */
export function rootNamespaces(xml: string): Map<string, string> {
  const root = rootTag(xml);
  const out = new Map<string, string>();
  if (!root) return out;
  for (const [k, v] of Object.entries(tagAttrs(xml.slice(root.start + 1, root.end - 1)))) {
    if (k === 'xmlns') out.set('', v);
    else if (k.startsWith('xmlns:')) out.set(k.slice(6), v);
  }
  return out;
}

/** The prefixes bound to the relationships namespace on the root. */
export function relPrefixes(xml: string): string[] {
  return [...rootNamespaces(xml)].filter(([p, uri]) => p && uri === REL_NS).map(([p]) => p);
}

const relAttr = (prefixes: string[]) => new RegExp(`\\s(${prefixes.map((p) => p.replace(/[.-]/g, '\\$&')).join('|')}):(id|embed|link|pict)\\s*=\\s*("[^"]*"|'[^']*')`, 'g');

/** The relationship ids an element's text names (`r:id`, `r:embed` …). */
export function idsIn(text: string, prefixes: string[]): string[] {
  if (!prefixes.length) return [];
  return [...text.matchAll(relAttr(prefixes))].map((m) => m[3].slice(1, -1));
}

/** The element's text with relationship ids renamed, and a prefix bound in `rename` rewritten. */
export function remapIds(text: string, prefixes: string[], ids: Map<string, string>): string {
  if (!prefixes.length) return text;
  return text.replace(relAttr(prefixes), (m, p: string, attr: string, v: string) => {
    const next = ids.get(v.slice(1, -1));
    return next === undefined ? m : ` ${p}:${attr}="${next}"`;
  });
}

/** Drops the relationship attributes that name `id` from an element's text. */
export function dropIdAttr(text: string, prefixes: string[], id: string): string {
  if (!prefixes.length) return text;
  return text.replace(relAttr(prefixes), (m, _p, _a, v: string) => (v.slice(1, -1) === id ? '' : m));
}

/**
 * Declarations for the prefixes an element uses that the target root does not bind the same way, taken from the
 * source root, added to the element's own start tag.
 */
export function withNamespaces(text: string, source: Map<string, string>, target: Map<string, string>): string {
  const used = new Set<string>();
  for (const m of text.matchAll(/<\/?([\w.-]+):|\s([\w.-]+):[\w.-]+\s*=/g)) used.add(m[1] ?? m[2]);
  const decls: string[] = [];
  for (const p of used) {
    if (p === 'xml' || p === 'xmlns' || text.includes(`xmlns:${p}=`)) continue;
    const uri = source.get(p);
    if (uri !== undefined && target.get(p) !== uri) decls.push(` xmlns:${p}="${uri.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`);
  }
  if (!decls.length) return text;
  const end = tagEnd(text, 0);
  const at = text[end - 2] === '/' ? end - 2 : end - 1;
  return text.slice(0, at) + decls.join('') + text.slice(at);
}

/** CT_Worksheet's children in schema order. */
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios',
  'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks',
  'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags',
  'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

/** CT_Workbook's children in schema order. */
export const WORKBOOK_ORDER = [
  'fileVersion', 'fileSharing', 'workbookPr', 'workbookProtection', 'bookViews', 'sheets', 'functionGroups', 'externalReferences', 'definedNames',
  'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst',
];

/** Inserts an element among the root's children where `order` puts it (before the first child that comes after it). */
export function insertChild(xml: string, text: string, name: string, order: string[]): string {
  const rank = order.indexOf(name);
  const after = children(xml).find((c) => order.indexOf(c.name) > rank || (rank < 0 && c.name === 'extLst'));
  if (after) return xml.slice(0, after.start) + text + xml.slice(after.start);
  const close = xml.lastIndexOf('</');
  return xml.slice(0, close) + text + xml.slice(close);
}

/** Replaces children (by their offsets in `xml`) with new text, '' removing them. */
export function replaceChildren(xml: string, edits: Array<{ child: Child; text: string }>): string {
  let out = xml;
  for (const e of [...edits].sort((a, b) => b.child.start - a.child.start)) out = out.slice(0, e.child.start) + e.text + out.slice(e.child.end);
  return out;
}
