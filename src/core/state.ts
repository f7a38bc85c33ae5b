import type { CellState } from './plan';
import type { Explanation } from './explained';
import schema from './state-schema.json';
import { BUILT_IN } from './profiles';

/** The add-in's state inside a workbook, in one custom XML part, read by the pane and the CLI alike. */
export interface AddinState {
  version: 1;
  profile?: string;
  /**
   * The notes the add-in added, per sheet marked, so that clearing removes exactly those (and none a person has
   * since edited). Its conditional formats are known by their rule (host/excel/marks.ts).
   */
  marks?: Array<{ sheet: string; notes: Array<{ cell: string; content: string }>; fills?: MarkFill[] }>;
  /**
   * An older form of the undo record, with no owner. Never executed: the pane only offers to delete it.
   * @deprecated
   */
  undo?: unknown;
  /** The pane's write-backs, newest last, each bound to the installation that made it. */
  undoStack?: unknown[];
  /** The task pane's last tab, so that it opens where the person left it. */
  pane?: { tab?: string };
  /** Warnings a person left standing, with their reasons (已说明). */
  explained?: Explanation[];
  /** Per binding name (jixiao_basic …): a person's labels mapped to the canonical ones. */
  bindings?: Record<string, { kind: 'basic' | 'self'; labels: Record<string, string> }>;
}

/** A fill a host put on a cell as a mark (WPS, which has no conditional formats to use), with what it replaced. */
export interface MarkFill {
  cell: string;
  /** The COM colour (0xBBGGRR) and XlPattern the cell had. */
  color: number;
  pattern: number;
  /** The colour the mark set: a cell that no longer has it was re-coloured by a person, and is left. */
  after: number;
}

export const STATE_NAMESPACE = 'urn:jixiao:state:v1';

const plain = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const text = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;
const own = (o: object, key: string) => Object.prototype.hasOwnProperty.call(o, key);

export function stateToXml(state: AddinState): string {
  const json = JSON.stringify(state).replace(/]]>/g, ']]]]><![CDATA[>');
  return `<?xml version="1.0" encoding="UTF-8"?><jixiao xmlns="${STATE_NAMESPACE}"><![CDATA[${json}]]></jixiao>`;
}

/**
 * A piece of the state that was not used: the whole part (not readable JSON of version 1), one of its top-level
 * entries, one binding's label map, or a defined name that binds nothing (core/bindings.ts). A workbook.state
 * finding names each.
 */
export type IgnoredState =
  | { what: 'part' }
  | { what: 'profile' | 'marks' | 'undo' | 'pane' | 'bindings' | 'explained' }
  | { what: 'labels'; name: string }
  | { what: 'entry'; name: string }
  | { what: 'binding'; name: string; ref: string; why: 'range' | 'sheet' | 'outside' | 'many' };

export interface StateRead {
  state: AddinState;
  ignored: IgnoredState[];
}

/**
 * The state part as data, validated piece by piece against state-schema.json and checked to hold only plain
 * JSON (no prototype keys, bounded depth): the same function for the CLI and the pane. What fails is left out and
 * listed in `ignored`; the rest is used, so a forged piece never takes the valid ones with it.
 */
export function readAddinState(xml: string | null | undefined): StateRead {
  if (!xml) return { state: { version: 1 }, ignored: [] };
  const json = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { state: { version: 1 }, ignored: [{ what: 'part' }] };
  }
  if (!plain(raw) || !own(raw, 'version') || raw.version !== 1) return { state: { version: 1 }, ignored: [{ what: 'part' }] };
  return sanitized(raw);
}

const PIECES = ['profile', 'marks', 'undo', 'undoStack', 'pane', 'explained', 'bindings'] as const;
type Piece = (typeof PIECES)[number];
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_DEPTH = 32;

/** Whether a parsed value is plain JSON: objects with Object's prototype, no prototype keys, at most MAX_DEPTH deep. */
export function plainData(x: unknown): boolean {
  const stack: Array<[unknown, number]> = [[x, 0]];
  while (stack.length) {
    const [v, depth] = stack.pop()!;
    if (v === null || typeof v !== 'object') {
      if (typeof v === 'function' || typeof v === 'symbol' || typeof v === 'bigint') return false;
      continue;
    }
    if (depth >= MAX_DEPTH) return false;
    if (Array.isArray(v)) {
      for (const item of v) stack.push([item, depth + 1]);
      continue;
    }
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const k of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(k)) return false;
      stack.push([(v as Record<string, unknown>)[k], depth + 1]);
    }
  }
  return true;
}

let validators: Record<Piece | 'binding' | 'bindingName', (x: unknown) => boolean> | null = null;

/** One validator per piece of state-schema.json, compiled (and ajv loaded) the first time a workbook has a state. */
function pieceValidators(): NonNullable<typeof validators> {
  if (!validators) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use, as in profiles/index.ts
    const Ajv = (require('ajv') as typeof import('ajv')).default;
    const ajv = new Ajv({ strict: true });
    ajv.addSchema(schema);
    const of = (pointer: string) => ajv.getSchema(`${schema.$id}#${pointer}`)! as (x: unknown) => boolean;
    validators = {
      profile: of('/$defs/profile'),
      marks: of('/$defs/marks'),
      undo: () => true,
      undoStack: of('/$defs/undoStack'),
      pane: of('/$defs/pane'),
      explained: of('/$defs/explained'),
      bindings: ajv.compile({ type: 'object', maxProperties: schema.properties.bindings.maxProperties }),
      binding: of('/$defs/binding'),
      bindingName: of('/$defs/bindingName'),
    };
  }
  return validators;
}

function sanitized(raw: Record<string, unknown>): StateRead {
  const v = pieceValidators();
  const state: AddinState = { version: 1 };
  const ignored: IgnoredState[] = [];
  let undoIgnored = false;
  for (const key of Object.keys(raw)) {
    if (key === 'version') continue;
    const value = raw[key];
    if (!(PIECES as readonly string[]).includes(key)) {
      ignored.push({ what: 'entry', name: key });
      continue;
    }
    const piece = key as Piece;
    // A binding's label map is checked on its own (sanitizedBindings), so that one forged map leaves the others.
    const deep = piece === 'bindings' ? plain(value) : plainData(value);
    const ok = deep && v[piece](value) && (piece !== 'profile' || own(BUILT_IN, value as string));
    if (!ok) {
      if (piece === 'undo' || piece === 'undoStack') {
        if (!undoIgnored) ignored.push({ what: 'undo' });
        undoIgnored = true;
      } else ignored.push({ what: piece });
      continue;
    }
    if (piece === 'bindings') state.bindings = sanitizedBindings(value as Record<string, unknown>, ignored);
    else (state as unknown as Record<string, unknown>)[piece] = value;
  }
  return { state, ignored };
}

function sanitizedBindings(raw: Record<string, unknown>, ignored: IgnoredState[]): NonNullable<AddinState['bindings']> {
  const v = pieceValidators();
  const out: NonNullable<AddinState['bindings']> = {};
  for (const name of Object.keys(raw)) {
    if (v.bindingName(name) && plainData(raw[name]) && v.binding(raw[name])) out[name] = raw[name] as NonNullable<AddinState['bindings']>[string];
    else ignored.push({ what: 'labels', name });
  }
  return out;
}

export function stateFromXml(xml: string | null | undefined): AddinState {
  return readAddinState(xml).state;
}

/** One cell of a write-back: what it held when written, and what was written. */
export interface UndoCell {
  sheet: string;
  cell: string;
  before: CellState;
  after: CellState;
}

/** One write-back, kept so that 撤销 can put back what it changed, and only by the installation that made it. */
export interface UndoRecord {
  id: string;
  /** The random id of the installation (kept in the add-in's own local storage) that made the write. */
  owner: string;
  /** When, as an ISO time. */
  at: string;
  cells: UndoCell[];
}

export const UNDO_DEPTH = 10;
const MAX_UNDO_CELLS = 250_000;
const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;


function cellState(x: unknown): CellState | null {
  if (!plain(x)) return null;
  const v = x.value;
  const valueOk = v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || text(v, 32767);
  if (!valueOk || !text(x.formula, 8192) || !text(x.numberFormat, 255)) return null;
  return { value: v as CellState['value'], formula: x.formula, numberFormat: x.numberFormat };
}

/** An undo record read from a workbook, checked field by field; anything else is null (and is never executed). */
export function undoRecordOf(x: unknown): UndoRecord | null {
  if (!plain(x) || !text(x.id, 64) || !text(x.owner, 64) || !text(x.at, 40) || !Array.isArray(x.cells) || x.cells.length > MAX_UNDO_CELLS) return null;
  const cells: UndoCell[] = [];
  for (const c of x.cells as unknown[]) {
    if (!plain(c) || !text(c.sheet, 31) || !c.sheet || !text(c.cell, 10) || !A1.test(c.cell)) return null;
    const before = cellState(c.before);
    const after = cellState(c.after);
    if (!before || !after) return null;
    cells.push({ sheet: c.sheet, cell: c.cell, before, after });
  }
  return { id: x.id, owner: x.owner, at: x.at, cells };
}

/** The workbook's undo records: this installation's own, newest last, and how many others it carries (never run). */
export function undoRecords(state: AddinState, owner: string): { own: UndoRecord[]; foreign: number } {
  const raw = Array.isArray(state.undoStack) ? state.undoStack : [];
  const own: UndoRecord[] = [];
  let foreign = state.undo === undefined || (Array.isArray(state.undo) && !state.undo.length) ? 0 : 1;
  for (const x of raw) {
    const r = undoRecordOf(x);
    if (r && r.owner === owner) own.push(r);
    else foreign++;
  }
  return { own, foreign };
}
