import { strToU8, zipSync } from 'fflate';

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A relationship of a part. */
export interface Rel {
  id: string;
  type: string;
  /** The part it leads to, resolved; for an external relationship, the target as written. */
  target: string;
  external: boolean;
}

/** The last segment of a relationship type: `worksheet`, `comments`, `customXml` … */
export const relKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeAttr = (s: string) => s.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (m, e: string) => (e[0] === '#' ? String.fromCodePoint(parseInt(e[1] === 'x' || e[1] === 'X' ? e.slice(2) : e.slice(1), e[1] === 'x' || e[1] === 'X' ? 16 : 10)) : (ENTITIES[e] ?? m)));
const escapeAttr = (s: string) => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

/** The attributes of a start tag's inside (`Id="rId1" Target='x'`), unescaped. */
export function tagAttrs(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]] = unescapeAttr(m[2] ?? m[3]);
  return out;
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1);

/** Where a part's relationships are kept: `xl/_rels/workbook.xml.rels`; the package's own, for ''. */
export const relsPartOf = (part: string): string => `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`;

/** The part a relationships part belongs to ('' for the package), or null for a part that is not one. */
export function sourceOfRels(name: string): string | null {
  const m = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(name);
  return m ? m[1] + m[2] : null;
}

function normalisePath(path: string): string {
  const out: string[] = [];
  for (const p of path.split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** A target as written from a part to another: `../comments1.xml` from xl/worksheets/sheet1.xml. */
export function relativeTarget(from: string, to: string): string {
  const a = dirOf(from).split('/').filter(Boolean);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

export interface ContentTypes {
  /** Extension (lower case) → content type. */
  defaults: Map<string, string>;
  /** Part name (lower case, no leading slash) → content type. */
  overrides: Map<string, string>;
}

const CONTENT_TYPES = '[Content_Types].xml';
const decoder = new TextDecoder();

/**
 * An .xlsx package as its parts, for the writers that copy a received workbook: the parts by name (looked up
 * without regard to case, as OPC names are), each part's relationships with their targets resolved to part names,
 * and the content types. Every edit goes through here, so that a part renamed keeps every relationship to it.
 */
export class OpcPackage {
  private readonly parts = new Map<string, { name: string; data: Uint8Array }>();

  constructor(entries: Iterable<{ name: string; data: Uint8Array }>) {
    for (const e of entries) if (!e.name.endsWith('/')) this.set(e.name.replace(/^\//, ''), e.data);
  }

  /** A copy whose parts can be replaced without touching this one's (the bytes themselves are shared). */
  clone(): OpcPackage {
    return new OpcPackage([...this.parts.values()]);
  }

  names(): string[] {
    return [...this.parts.values()].map((p) => p.name);
  }

  /** The part's name as stored, or null. */
  find(name: string): string | null {
    return this.parts.get(name.toLowerCase())?.name ?? null;
  }

  get(name: string): Uint8Array | null {
    return this.parts.get(name.toLowerCase())?.data ?? null;
  }

  set(name: string, data: Uint8Array): void {
    this.parts.set(name.toLowerCase(), { name: this.find(name) ?? name, data });
  }

  remove(name: string): void {
    this.parts.delete(name.toLowerCase());
  }

  text(name: string): string | null {
    const data = this.get(name);
    return data ? decoder.decode(data) : null;
  }

  setText(name: string, text: string): void {
    this.set(name, strToU8(text));
  }

  /** `wanted`, or the first of `stem2.ext`, `stem3.ext` … that no part has. */
  freeName(wanted: string): string {
    if (!this.find(wanted)) return wanted;
    const m = /^(.*?)(\d*)(\.[^./]*)?$/.exec(wanted)!;
    for (let n = 2; ; n++) if (!this.find(`${m[1]}${n}${m[3] ?? ''}`)) return `${m[1]}${n}${m[3] ?? ''}`;
  }

  /** The part's relationships; a target that leads out of the package or is unreadable is kept as written. */
  rels(part: string): Rel[] {
    const xml = this.text(relsPartOf(part));
    if (!xml) return [];
    const out: Rel[] = [];
    for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b([^>]*?)\/?>/g)) {
      const a = tagAttrs(m[1]);
      if (!a.Id || a.Target === undefined) continue;
      const external = a.TargetMode === 'External';
      out.push({ id: a.Id, type: a.Type ?? '', target: external ? a.Target : this.resolve(part, a.Target), external });
    }
    return out;
  }

  setRels(part: string, rels: Rel[]): void {
    const name = relsPartOf(part);
    if (!rels.length) {
      this.remove(name);
      return;
    }
    const items = rels.map((r) => `<Relationship Id="${escapeAttr(r.id)}" Type="${escapeAttr(r.type)}" Target="${escapeAttr(r.external ? r.target : relativeTarget(part, r.target))}"${r.external ? ' TargetMode="External"' : ''}/>`);
    this.setText(name, `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${items.join('')}</Relationships>`);
  }

  /** A target resolved against its source part, to the name of a part the package has when one matches. */
  resolve(from: string, target: string): string {
    const raw = normalisePath(target.startsWith('/') ? target : dirOf(from) + target);
    if (this.find(raw)) return this.find(raw)!;
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      // not percent-encoded
    }
    return this.find(decoded) ?? raw;
  }

  /** The parts that relationships parts name, with their relationships, for every part that has some. */
  allRels(): Array<{ source: string; rels: Rel[] }> {
    const out: Array<{ source: string; rels: Rel[] }> = [];
    for (const name of this.names()) {
      const source = sourceOfRels(name);
      if (source !== null) out.push({ source: source === '' ? '' : (this.find(source) ?? source), rels: this.rels(source) });
    }
    return out;
  }

  /**
   * Moves parts (old name → new name), each with its relationships part, and points every relationship and
   * content type at the new names, in one pass over the relationships. Targets are written as relative paths.
   */
  renameAll(moves: Map<string, string>): void {
    const to = new Map<string, string>();
    for (const [from, target] of moves) if (this.get(from) && from.toLowerCase() !== target.toLowerCase()) to.set(this.find(from)!.toLowerCase(), target);
    if (!to.size) return;
    const moved = (name: string) => to.get(name.toLowerCase()) ?? name;
    const all = this.allRels();
    const types = this.types();
    const data = [...to].map(([from, target]) => ({ from, target, data: this.get(from)! }));
    for (const { source } of all) this.remove(relsPartOf(source));
    for (const d of data) this.remove(d.from);
    for (const d of data) {
      this.set(d.target, d.data);
      const type = types.overrides.get(d.from);
      types.overrides.delete(d.from);
      if (type) types.overrides.set(d.target.toLowerCase(), type);
    }
    for (const { source, rels } of all) this.setRels(moved(source), rels.map((r) => (r.external ? r : { ...r, target: moved(r.target) })));
    this.setTypes(types);
  }

  types(): ContentTypes {
    const xml = this.text(CONTENT_TYPES) ?? '';
    const defaults = new Map<string, string>();
    const overrides = new Map<string, string>();
    for (const m of xml.matchAll(/<(?:\w+:)?(Default|Override)\b([^>]*?)\/?>/g)) {
      const a = tagAttrs(m[2]);
      if (m[1] === 'Default' && a.Extension && a.ContentType) defaults.set(a.Extension.toLowerCase(), a.ContentType);
      if (m[1] === 'Override' && a.PartName && a.ContentType) overrides.set(a.PartName.replace(/^\//, '').toLowerCase(), a.ContentType);
    }
    return { defaults, overrides };
  }

  setTypes(t: ContentTypes): void {
    const names = new Map(this.names().map((n) => [n.toLowerCase(), n]));
    const defaults = [...t.defaults].map(([ext, type]) => `<Default Extension="${escapeAttr(ext)}" ContentType="${escapeAttr(type)}"/>`);
    const overrides = [...t.overrides].filter(([part]) => names.has(part)).map(([part, type]) => `<Override PartName="/${escapeAttr(names.get(part)!)}" ContentType="${escapeAttr(type)}"/>`);
    this.setText(CONTENT_TYPES, `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults.join('')}${overrides.join('')}</Types>`);
  }

  /** The content type of a part: its override, or its extension's default. */
  typeOf(name: string, t = this.types()): string | undefined {
    return t.overrides.get(name.toLowerCase()) ?? t.defaults.get(name.slice(name.lastIndexOf('.') + 1).toLowerCase());
  }

  /** The package's sheets in workbook order: name (unescaped), the part, and the relationship's kind. */
  sheets(workbook = 'xl/workbook.xml'): Array<{ name: string; part: string | null; kind: string; rId: string }> {
    const xml = this.text(workbook) ?? '';
    const rels = new Map(this.rels(workbook).map((r) => [r.id, r]));
    const out: Array<{ name: string; part: string | null; kind: string; rId: string }> = [];
    const list = /<(?:\w+:)?sheets\b[^>]*>([\s\S]*?)<\/(?:\w+:)?sheets>/.exec(xml)?.[1] ?? '';
    for (const m of list.matchAll(/<(?:\w+:)?sheet\b([^>]*?)\/?>/g)) {
      const a = tagAttrs(m[1]);
      const rId = Object.entries(a).find(([k]) => /(^|:)id$/.test(k) && k !== 'sheetId')?.[1] ?? '';
      const rel = rels.get(rId);
      out.push({ name: a.name ?? '', part: rel && !rel.external && this.find(rel.target) ? this.find(rel.target) : null, kind: rel ? relKind(rel.type) : '', rId });
    }
    return out;
  }

  /**
   * The parts as a zip; `store` for one read at once by exceljs, where deflating would only cost time. Otherwise
   * the fastest deflate level: a fifth of the time of the default on a 60,000-row sheet, for a slightly larger file.
   */
  zip(store = false): Uint8Array {
    const files: Record<string, Uint8Array> = {};
    for (const p of this.parts.values()) files[p.name] = p.data;
    return zipSync(files, { level: store ? 0 : 1 });
  }
}
