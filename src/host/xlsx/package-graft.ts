/**
 * Carries into the package exceljs wrote every part of the received one that exceljs was not given (package-
 * prepare.ts): custom XML, custom properties, drawings and charts, printer settings, macros, controls, pivot
 * tables … each with the parts it leads to, its relationship from the package, the workbook or its sheet, the
 * element of that part's XML that names the relationship, and its content type.
 */
import { ContentTypes, OpcPackage, Rel, relKind } from './package-model';
import { Child, children, idsIn, insertChild, relPrefixes, remapIds, rootNamespaces, WORKBOOK_ORDER, WORKSHEET_ORDER, withNamespaces } from './package-xml';
import { keptByExcelJS, referrersOf, Role, sourcesOf } from './package-prepare';

/** Left behind on purpose: the calculation chain lists the formula cells as they were, and a fix adds some. */
const DROPPED = new Set(['calcChain']);

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);
const extOf = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

export interface GraftInput {
  source: OpcPackage;
  sourceWorkbook: string;
  out: OpcPackage;
  /** A sheet's name in `source` → its name in `out` (the same, but for stand-ins). */
  sheetName: (name: string) => string;
}

export function graft({ source, sourceWorkbook, out, sheetName }: GraftInput): void {
  const outOffice = out.rels('').find((r) => relKind(r.type) === 'officeDocument')?.target ?? 'xl/workbook.xml';
  const outSheets = new Map(out.sheets(outOffice).filter((s) => s.part).map((s) => [s.name, s.part!]));
  // Source parts that have a counterpart exceljs wrote: relationships to them lead to the counterpart.
  const counterpart = new Map<string, string>([[sourceWorkbook.toLowerCase(), outOffice]]);
  const pairs: Array<{ from: string; to: string; role: Role }> = [];
  for (const { part, role } of sourcesOf(source, sourceWorkbook)) {
    if (role === 'root') pairs.push({ from: '', to: '', role });
    else if (role === 'workbook') pairs.push({ from: part, to: outOffice, role });
  }
  for (const s of source.sheets(sourceWorkbook)) {
    const to = outSheets.get(sheetName(s.name));
    if (s.part && s.kind === 'worksheet' && to) {
      counterpart.set(s.part.toLowerCase(), to);
      pairs.push({ from: s.part, to, role: 'sheet' });
    }
  }
  const sourceTypes = source.types();
  const types = out.types();
  const copied = new Map<string, string>();

  const copy = (name: string): string => {
    const key = name.toLowerCase();
    const known = counterpart.get(key) ?? copied.get(key);
    if (known) return known;
    const data = source.get(name)!;
    const existing = out.get(name);
    const target = existing && equal(existing, data) ? out.find(name)! : existing ? out.freeName(name) : name;
    copied.set(key, target);
    out.set(target, data);
    const rels = source.rels(name).flatMap((r): Rel[] => (r.external ? [r] : source.find(r.target) ? [{ ...r, target: copy(r.target) }] : []));
    if (rels.length) out.setRels(target, rels);
    setType(types, sourceTypes, source, name, target);
    return target;
  };

  let macros = false;
  for (const { from, to, role } of pairs) {
    const xml = from ? (source.text(from) ?? '') : '';
    const kids = from ? children(xml) : [];
    const prefixes = relPrefixes(xml);
    const referrers = referrersOf(kids, prefixes);
    const hasComments = source.rels(from).some((r) => relKind(r.type) === 'comments');
    const carried = source.rels(from).filter((r) => !DROPPED.has(relKind(r.type)) && !keptByExcelJS(role, r, referrers, hasComments));
    if (!carried.length) continue;
    const outRels = out.rels(to);
    const used = new Set(outRels.map((r) => r.id));
    const ids = new Map<string, string>();
    for (const r of carried) {
      if (!r.external && !source.find(r.target)) continue;
      let id = r.id;
      for (let n = outRels.length + 1; used.has(id); n++) id = `rId${n}`;
      used.add(id);
      ids.set(r.id, id);
      outRels.push({ ...r, id, target: r.external ? r.target : copy(r.target) });
      if (relKind(r.type) === 'vbaProject') macros = true;
    }
    out.setRels(to, outRels);
    if (from) carryElements(out, to, xml, kids, prefixes, ids, role === 'sheet' ? WORKSHEET_ORDER : WORKBOOK_ORDER);
  }
  // A macro project makes the workbook macro-enabled, as it was.
  const main = source.typeOf(sourceWorkbook, sourceTypes);
  if (macros && main) types.overrides.set(outOffice.toLowerCase(), main);
  out.setTypes(types);
}

function setType(types: ContentTypes, sourceTypes: ContentTypes, source: OpcPackage, from: string, to: string): void {
  const type = source.typeOf(from, sourceTypes);
  if (!type) return;
  const ext = extOf(to);
  if (types.defaults.get(ext) === type) return;
  if (!types.defaults.has(ext) && !sourceTypes.overrides.has(from.toLowerCase())) types.defaults.set(ext, type);
  else types.overrides.set(to.toLowerCase(), type);
}

/**
 * The children of the source part that name a carried relationship, put into the part exceljs wrote where the
 * schema orders them, their ids renamed as the relationships were; a page setup exceljs wrote gets the id only.
 */
function carryElements(out: OpcPackage, part: string, sourceXml: string, kids: Child[], prefixes: string[], ids: Map<string, string>, order: string[]): void {
  const written = out.text(part);
  if (written === null) return;
  let xml: string = written;
  const sourceNs = rootNamespaces(sourceXml);
  for (const c of kids) {
    if (c.name === 'sheets' || c.name === 'sheetData') continue;
    const named = idsIn(c.text, prefixes).filter((id) => ids.has(id));
    if (!named.length) continue;
    const outNs = rootNamespaces(xml);
    const text = withNamespaces(remapIds(c.text, prefixes, ids), sourceNs, outNs);
    const existing: Child | undefined = children(xml).find((k) => k.name === c.name);
    if (c.name === 'pageSetup' && existing) {
      const rel: string | undefined = relPrefixes(xml)[0];
      const attr = rel ? ` ${rel}:id="${ids.get(named[0])}"` : ` xmlns:jxr="http://schemas.openxmlformats.org/officeDocument/2006/relationships" jxr:id="${ids.get(named[0])}"`;
      const tag = existing.text.replace(/\s[\w.-]+:id\s*=\s*("[^"]*"|'[^']*')/, '');
      const at = tag.endsWith('/>') ? tag.length - 2 : tag.indexOf('>');
      xml = xml.slice(0, existing.start) + tag.slice(0, at) + attr + tag.slice(at) + xml.slice(existing.end);
    } else if (!existing) xml = insertChild(xml, text, c.name, order);
  }
  out.setText(part, xml);
}
