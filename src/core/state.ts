import type { CellState } from './plan';

/** The add-in's state inside a workbook, in one custom XML part, read by the pane and the CLI alike. */
export interface AddinState {
  version: 1;
  profile?: string;
  /**
   * The notes the add-in added, per sheet marked, so that clearing removes exactly those (and none a person has
   * since edited). Its conditional formats are known by their rule (host/excel/marks.ts).
   */
  marks?: Array<{ sheet: string; notes: Array<{ cell: string; content: string }> }>;
  /**
   * An older form of the undo record, with no owner. Never executed: the pane only offers to delete it.
   * @deprecated
   */
  undo?: unknown;
  /** The pane's write-backs, newest last, each bound to the installation that made it. */
  undoStack?: unknown[];
  /** The task pane's last tab, so that it opens where the person left it. */
  pane?: { tab?: string };
  /** Per binding name (jixiao_basic …): a person's labels mapped to the canonical ones. */
  bindings?: Record<string, { kind: 'basic' | 'self'; labels: Record<string, string> }>;
}

export const STATE_NAMESPACE = 'urn:jixiao:state:v1';

export function stateToXml(state: AddinState): string {
  const json = JSON.stringify(state).replace(/]]>/g, ']]]]><![CDATA[>');
  return `<?xml version="1.0" encoding="UTF-8"?><jixiao xmlns="${STATE_NAMESPACE}"><![CDATA[${json}]]></jixiao>`;
}

export function stateFromXml(xml: string | null | undefined): AddinState {
  if (!xml) return { version: 1 };
  const parts = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1]).join('');
  try {
    const s = JSON.parse(parts) as AddinState;
    return s && s.version === 1 ? s : { version: 1 };
  } catch {
    return { version: 1 };
  }
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

const plain = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype;
const text = (x: unknown, max: number): x is string => typeof x === 'string' && x.length <= max;

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
