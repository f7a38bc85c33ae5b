/**
 * The API audit: every Excel and Office member that code under src/ touches (property reads and writes, calls,
 * load paths, and the properties of option objects typed by Office.js), with the requirement set the typings give
 * it and the capability that guards it. `npm run api-audit` prints the table; test/api-audit.test.ts fails on
 * any member above the manifest's ExcelApi version that no capability guards.
 */
import { readdirSync, readFileSync } from 'fs';
import path from 'path';
import ts from 'typescript';
import { ApiSet, DTS, MemberInfo, officeApi, setsOf } from './office-api';
import { COMMON_SETS, GUARDED, MANIFEST_API } from '../src/host/excel/capabilities';
import { compareVersions, isApiVersion } from '../src/fake-excel/levels';

const ROOT = path.resolve(__dirname, '..');

export interface Use {
  member: string;
  mode: 'get' | 'set';
  /** The set this use needs (the `set` one for a write), or null for core members. */
  needs: string | null;
  guard: string | null;
  at: string;
}

export interface AuditRow {
  member: string;
  mode: 'get' | 'set';
  needs: string | null;
  guard: string | null;
  uses: string[];
  problem: string | null;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

/** `Excel.Range.values` for the declaration of `values` in class Range of namespace Excel. */
function idOf(decl: ts.Declaration): string | null {
  const names: string[] = [];
  let node: ts.Node | undefined = decl;
  const named = (n: ts.Node) => (n as ts.NamedDeclaration).name?.getText();
  if (ts.isClassElement(decl) || ts.isTypeElement(decl) || ts.isEnumMember(decl)) {
    names.unshift(named(decl) ?? '');
    node = decl.parent;
    names.unshift(named(node) ?? '');
    node = node.parent;
  } else if (ts.isFunctionDeclaration(decl) || ts.isVariableDeclaration(decl)) {
    names.unshift(named(decl) ?? '');
    node = ts.isVariableDeclaration(decl) ? decl.parent.parent.parent : decl.parent;
  } else return null;
  while (node) {
    if (ts.isModuleDeclaration(node)) names.unshift(node.name.getText());
    node = node.parent;
  }
  return names.join('.');
}

/** Load options and collection load options name the members of the class (or of the collection's items). */
function loadOptionsTarget(id: string): string {
  const m = /^Excel\.Interfaces\.(\w+?)(Collection)?LoadOptions\.(\w+)$/.exec(id);
  return m ? `Excel.${m[1]}.${m[3]}` : id;
}

function needsOf(sets: ApiSet | null, mode: 'get' | 'set'): string | null {
  if (!sets) return null;
  return mode === 'set' ? (sets.set ?? sets.get) : sets.get;
}

function guardOf(member: string): string | null {
  for (const [name, g] of Object.entries(GUARDED)) if ((g.members as readonly string[]).includes(member)) return name;
  return null;
}

/** Why a use is not allowed at the manifest's version, or null. */
function problemOf(u: { member: string; needs: string | null; guard: string | null }): string | null {
  if (!u.needs) return null;
  const excel = u.member.startsWith('Excel.');
  if (excel && isApiVersion(u.needs)) {
    if (compareVersions(u.needs, MANIFEST_API) <= 0) return null;
    if (!u.guard) return `needs ExcelApi ${u.needs}, above the manifest's ${MANIFEST_API}, and no capability guards it`;
    const g = GUARDED[u.guard as keyof typeof GUARDED];
    return compareVersions(u.needs, g.api) <= 0 ? null : `needs ExcelApi ${u.needs}, but its guard '${u.guard}' checks only ${g.api}`;
  }
  const sets = u.needs.split(' | ');
  if (sets.some((s) => (COMMON_SETS as readonly string[]).includes(s))) return null;
  return u.guard ? null : `needs ${u.needs}, which the manifest does not promise and no capability guards`;
}

/** Every use of an Office.js member under src/. */
export function collectUses(files = sourceFiles(path.join(ROOT, 'src'))): Use[] {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram(files, { ...config.options, noEmit: true });
  const checker = program.getTypeChecker();
  const api = officeApi();
  const dts = path.resolve(DTS);
  const uses: Use[] = [];

  const officeDecl = (sym: ts.Symbol | undefined): ts.Declaration | undefined => {
    const s = sym && sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    return s?.declarations?.find((d) => path.resolve(d.getSourceFile().fileName) === dts);
  };
  const record = (decl: ts.Declaration, mode: 'get' | 'set', node: ts.Node) => {
    const raw = idOf(decl);
    if (!raw) return;
    const member = loadOptionsTarget(raw);
    const sets = setsOf(api, member);
    const sf = node.getSourceFile();
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
    uses.push({ member, mode, needs: needsOf(sets, mode), guard: guardOf(member), at: `${path.relative(ROOT, sf.fileName)}:${line + 1}` });
  };
  /** The Excel class an expression's type is (`Range`), for load paths. */
  const classOf = (type: ts.Type): string | null => {
    const decl = officeDecl(type.getSymbol());
    const id = decl && (ts.isClassDeclaration(decl) || ts.isInterfaceDeclaration(decl)) ? idOf(decl.members[0] ?? decl) : null;
    if (!id) return null;
    return id.split('.').slice(0, -1).join('.');
  };
  const literals = (type: ts.Type): string[] => {
    if (type.isStringLiteral()) return [type.value];
    if (type.isUnion()) return type.types.flatMap(literals);
    const args = checker.isArrayType(type) || checker.isTupleType(type) ? checker.getTypeArguments(type as ts.TypeReference) : [];
    return args.flatMap(literals);
  };
  const recordPath = (cls: string, p: string, node: ts.Node) => {
    let at: string | null = cls;
    for (const seg of p.split('/').map((x) => x.trim()).filter(Boolean)) {
      if (!at) return;
      const item = seg === 'items' ? api.get(`${at}.items`) : null;
      if (item) {
        at = `Excel.${classNameOfItems(at)}`;
        continue;
      }
      const info: MemberInfo | undefined = api.get(`${at}.${seg}`);
      const member = `${at}.${seg}`;
      const sets = setsOf(api, member);
      const sf = node.getSourceFile();
      const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
      uses.push({ member, mode: 'get', needs: needsOf(sets, 'get'), guard: guardOf(member), at: `${path.relative(ROOT, sf.fileName)}:${line + 1}` });
      at = info?.type ? `Excel.${info.type}` : null;
    }
  };
  const classNameOfItems = (collection: string) => {
    const name = collection.replace(/^Excel\./, '');
    return name.replace(/Collection$/, '').replace(/ScopedCollection$/, '');
  };

  const visit = (node: ts.Node) => {
    if (ts.isPropertyAccessExpression(node)) {
      const decl = officeDecl(checker.getSymbolAtLocation(node.name));
      if (decl) {
        const parent = node.parent;
        const written = ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
        record(decl, written ? 'set' : 'get', node);
        if (ts.isCallExpression(parent) && parent.expression === node && node.name.text === 'load' && parent.arguments[0]) {
          const cls = classOf(checker.getTypeAtLocation(node.expression));
          const arg = parent.arguments[0];
          if (cls && !ts.isObjectLiteralExpression(arg)) for (const lit of literals(checker.getTypeAtLocation(arg))) for (const p of lit.split(',')) recordPath(cls, p, arg);
        }
      }
    }
    if (ts.isObjectLiteralExpression(node)) {
      const contextual = checker.getContextualType(node);
      const type = contextual && checker.getApparentType(checker.getNonNullableType(contextual));
      for (const prop of node.properties) {
        if (!(ts.isPropertyAssignment(prop) || ts.isShorthandPropertyAssignment(prop)) || !prop.name) continue;
        const decl = type && officeDecl(checker.getPropertyOfType(type, prop.name.getText()));
        if (decl) record(decl, 'get', prop);
      }
    }
    ts.forEachChild(node, visit);
  };
  for (const f of files) visit(program.getSourceFile(f)!);
  return uses;
}

/** The table: one row per member and mode, with where it is used and what is wrong, if anything. */
export function audit(uses = collectUses()): AuditRow[] {
  const rows = new Map<string, AuditRow>();
  for (const u of uses) {
    const key = `${u.member} ${u.mode}`;
    const row = rows.get(key) ?? { member: u.member, mode: u.mode, needs: u.needs, guard: u.guard, uses: [], problem: problemOf(u) };
    row.uses.push(u.at);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.member.localeCompare(b.member) || a.mode.localeCompare(b.mode));
}

export function formatAudit(rows: AuditRow[]): string {
  const head = ['member', 'set', 'guarded by', 'used at'];
  const lines = rows.map((r) => [`${r.member}${r.mode === 'set' ? ' (set)' : ''}`, r.needs ? (isApiVersion(r.needs) ? `ExcelApi ${r.needs}` : r.needs) : 'core', r.guard ?? '—', `${r.uses[0]}${r.uses.length > 1 ? ` +${r.uses.length - 1}` : ''}${r.problem ? `  ✗ ${r.problem}` : ''}`]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  return [head, ...lines].map((l) => l.map((c, i) => (i < l.length - 1 ? c.padEnd(widths[i]) : c)).join('  ')).join('\n');
}

/** manifest.xml's `<Set Name="ExcelApi" MinVersion="…"/>`. */
export function manifestApi(): string | null {
  return /<Set\s+Name="ExcelApi"\s+MinVersion="([\d.]+)"/.exec(readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'))?.[1] ?? null;
}

if (require.main === module) {
  const rows = audit();
  console.log(formatAudit(rows));
  const bad = rows.filter((r) => r.problem);
  console.log(`\n${rows.length} members; manifest ExcelApi ${manifestApi()}; ${bad.length} unguarded above it`);
  process.exit(bad.length ? 1 : 0);
}
