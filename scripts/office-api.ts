/**
 * The requirement set of every Office.js member, read from the `[Api set: …]` tags and the "Requirement sets" lists
 * of `@types/office-js`. Used by the API audit test and by `npm run api-sets`, which writes the subset the fake
 * Excel enforces to src/fake-excel/api-sets.json.
 */
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';
import { compareVersions, isApiVersion } from '../src/fake-excel/levels';
import { FAKE_CLASSES } from '../src/fake-excel/classes';

export const DTS = path.resolve(__dirname, '..', 'node_modules', '@types', 'office-js', 'index.d.ts');
export const API_SETS_JSON = path.resolve(__dirname, '..', 'src', 'fake-excel', 'api-sets.json');

/**
 * A member's requirement: `get` (or the whole member) and `set` where writing needs a later set. A version is
 * "1.13" for ExcelApi 1.13; any other set keeps its name ("ExcelApiOnline 1.1", "File", "Mailbox 1.3").
 */
export interface ApiSet {
  get: string;
  set?: string;
}

export interface MemberInfo {
  /** `Excel.Range.getMergedAreasOrNullObject`, `Excel.createWorkbook`, `Office.Document.getFileAsync`. */
  id: string;
  /** Null where neither the member nor its class names a set (core members: load, sync, isNullObject …). */
  sets: ApiSet | null;
  /** The class a navigation property returns (`Range.format` → `RangeFormat`). */
  type?: string;
}

/** `[Api set: ExcelApi 1.1 for get, 1.8 for set]` → { get: '1.1', set: '1.8' }. */
export function parseApiSetTag(tag: string): ApiSet {
  const m = /^ExcelApi (\d+\.\d+)(.*)$/s.exec(tag.trim());
  if (!m) return { get: tag.trim().replace(/\s+/g, ' ') };
  const rest = m[2];
  const set = /(\d+\.\d+) for set/.exec(rest) ?? /(\d+\.\d+) for setting/.exec(rest);
  return set ? { get: m[1], set: set[1] } : { get: m[1] };
}

function commentOf(node: ts.Node, text: string): string {
  return (ts.getLeadingCommentRanges(text, node.pos) ?? []).map((r) => text.slice(r.pos, r.end)).join('\n');
}

function setsInComment(comment: string): ApiSet | null {
  const tag = /\[Api set: ([^\]]+)\]/.exec(comment);
  if (tag) return parseApiSetTag(tag[1]);
  // The common API lists its sets as links: "- {@link https://…#compressedfile | CompressedFile} (when …)".
  const block = /\*\*Requirement sets?\*\*:?([\s\S]*?)(?:\n\s*\*\s*\n\s*\*\s*[A-Z*]|\*\/)/.exec(comment);
  if (block) {
    const names = [...block[1].matchAll(/\|\s*([A-Za-z]+(?: \d+\.\d+)?)\s*\}/g)].map((x) => x[1]);
    if (names.length) return { get: names.join(' | ') };
  }
  const inline = /\*\*Requirement set\*\*:\s*\{@link [^|]+\|\s*([^}]+)\}/.exec(comment);
  return inline ? { get: inline[1].trim() } : null;
}

function typeName(node: ts.TypeNode | undefined): string | undefined {
  if (!node || !ts.isTypeReferenceNode(node)) return undefined;
  const name = node.typeName.getText();
  return name.startsWith('Excel.') && !name.startsWith('Excel.Interfaces.') ? name.slice(6) : undefined;
}

/** Every member of the Excel, Office and OfficeExtension namespaces, by id. */
export function officeApi(dts = DTS): Map<string, MemberInfo> {
  const text = readFileSync(dts, 'utf8');
  const file = ts.createSourceFile(dts, text, ts.ScriptTarget.Latest, true);
  const out = new Map<string, MemberInfo>();
  const add = (id: string, sets: ApiSet | null, type?: string) => {
    if (!out.has(id)) out.set(id, { id, sets, ...(type ? { type } : {}) });
  };
  const visit = (node: ts.Node, prefix: string) => {
    if (ts.isModuleDeclaration(node) && node.body && ts.isModuleBlock(node.body)) {
      const name = node.name.getText();
      if (name === 'Interfaces') return;
      for (const s of node.body.statements) visit(s, prefix ? `${prefix}.${name}` : name);
      return;
    }
    if (!prefix) return;
    if (ts.isClassDeclaration(node) || ts.isInterfaceDeclaration(node)) {
      const cls = `${prefix}.${node.name!.getText()}`;
      const classSets = setsInComment(commentOf(node, text));
      add(cls, classSets);
      for (const m of node.members) {
        if (!m.name) continue;
        const own = setsInComment(commentOf(m, text));
        const type = ts.isPropertyDeclaration(m) || ts.isPropertySignature(m) ? typeName(m.type) : ts.isGetAccessorDeclaration(m) ? typeName(m.type) : undefined;
        add(`${cls}.${m.name.getText()}`, own ?? classSets, type);
      }
      return;
    }
    if (ts.isFunctionDeclaration(node) && node.name) add(`${prefix}.${node.name.getText()}`, setsInComment(commentOf(node, text)));
    if (ts.isVariableStatement(node)) for (const d of node.declarationList.declarations) add(`${prefix}.${d.name.getText()}`, setsInComment(commentOf(node, text)));
  };
  for (const s of file.statements) visit(s, '');
  return out;
}

/** The newest numbered ExcelApi set the typings know. */
export function newestExcelApi(api: Map<string, MemberInfo>): string {
  let max = '1.1';
  for (const m of api.values()) for (const v of [m.sets?.get, m.sets?.set]) if (v && isApiVersion(v) && compareVersions(v, max) > 0) max = v;
  return max;
}

/**
 * Where the typings carry no tag, or one for another host, and the requirement-set pages say otherwise:
 * - `RunOptions.delayForCellEdit` is listed in "Excel JavaScript API requirement set 1.5"
 *   (docs/requirement-sets/excel/excel-api-1-5-requirement-set.md);
 * - `Office.actions.associate` and `event.completed()` are how a function command (the manifest's ExecuteFunction,
 *   AddinCommands 1.1) runs and ends; the `[Api set: Mailbox 1.3]` on `completed` is Outlook's.
 */
export const DOCUMENTED: Record<string, ApiSet> = {
  'Excel.RunOptions.delayForCellEdit': { get: '1.5' },
  'Office.Actions.associate': { get: 'AddinCommands 1.1' },
  'Office.AddinCommands.Event.completed': { get: 'AddinCommands 1.1' },
};

export function setsOf(api: Map<string, MemberInfo>, id: string): ApiSet | null {
  return DOCUMENTED[id] ?? api.get(id)?.sets ?? null;
}

/** The subset the fake Excel enforces: its classes' members, and the namespace's functions. */
export function fakeApiSets(api: Map<string, MemberInfo>, classes: readonly string[] = FAKE_CLASSES) {
  const members: Record<string, Record<string, ApiSet & { type?: string }>> = {};
  for (const cls of [...classes].sort()) {
    const entry: Record<string, ApiSet & { type?: string }> = {};
    for (const m of api.values()) {
      if (!m.id.startsWith(`Excel.${cls}.`)) continue;
      const name = m.id.slice(`Excel.${cls}.`.length);
      const sets = setsOf(api, m.id);
      if (!sets || name.includes('.')) continue;
      entry[name] = { ...sets, ...(m.type ? { type: m.type } : {}) };
    }
    members[cls] = entry;
  }
  const functions: Record<string, ApiSet> = {};
  for (const name of ['createWorkbook', 'run']) functions[name] = setsOf(api, `Excel.${name}`) ?? { get: '1.1' };
  return {
    source: `@types/office-js ${JSON.parse(readFileSync(path.join(path.dirname(DTS), 'package.json'), 'utf8')).version}`,
    newest: newestExcelApi(api),
    functions,
    classes: members,
  };
}

if (require.main === module) {
  const data = fakeApiSets(officeApi());
  writeFileSync(API_SETS_JSON, JSON.stringify(data, null, 1) + '\n');
  console.log(`${path.relative(process.cwd(), API_SETS_JSON)}: ${Object.keys(data.classes).length} classes, newest ExcelApi ${data.newest} (${data.source})`);
}
