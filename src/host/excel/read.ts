import { CellType, parseAreaA1, RawValue, SheetSnapshot, Snapshot } from '../../core/snapshot';
import type { Capabilities } from './capabilities';
import { MarkProbe, probeOf, queueMarkProbe, queueNoteList } from './marks';
import { AddinState, STATE_NAMESPACE, stateFromXml } from './state';

const TYPES: Record<string, CellType> = { Empty: 'empty', String: 'string', Double: 'number', Integer: 'number', Boolean: 'boolean', Error: 'error' };

/** `'基础 数据'!B2:G30` → the area part. */
function areaOf(address: string) {
  const bang = address.lastIndexOf('!');
  return parseAreaA1(bang >= 0 ? address.slice(bang + 1) : address);
}

export interface ExcelRead {
  snapshot: Snapshot;
  protectedSheets: string[];
  state: AddinState;
  /** The state's part (a null object where the workbook has none yet), for a write in the same context. */
  part: Excel.CustomXmlPart;
  /** The add-in's marks and the notes already in the workbook, where asked for. */
  probe: MarkProbe | null;
  syncs: number;
}

export interface ReadOptions {
  caps: Capabilities;
  /** Also find, inside the same two syncs, the marks of a previous check and every note, so marking takes one. */
  probe?: boolean;
  /** Told how many sheets there are once the first sync knows (for the pane's progress). */
  onSheets?(n: number): void | Promise<void>;
}

const MATRICES = ['values', 'text', 'formulas', 'formulasR1C1', 'numberFormat', 'valueTypes'] as const;
/** Rows, over all sheets, that the second sync reads; the rest follows in blocks. */
const FIRST_SYNC_ROWS = 4000;
/** Bytes a later sync may return, well under Excel on the web's 5 MB payload limit. */
const PAYLOAD_BUDGET = 3 * 1024 * 1024;

type Matrices = { [K in (typeof MATRICES)[number]]: unknown[][] };

function loadBlock(range: Excel.Range): Excel.Range {
  range.load(['address', ...MATRICES]);
  return range;
}

function matricesOf(range: Excel.Range): Matrices {
  return { values: range.values, text: range.text, formulas: range.formulas, formulasR1C1: range.formulasR1C1, numberFormat: range.numberFormat, valueTypes: range.valueTypes };
}

function append(into: Matrices, more: Matrices): void {
  for (const k of MATRICES) into[k].push(...more[k]);
}

function blockBytes(m: Matrices): number {
  return MATRICES.reduce((n, k) => n + JSON.stringify(m[k]).length, 0);
}

/**
 * Reads the used range of every sheet into a Snapshot. Two syncs whatever the number of sheets: the first lists
 * the sheets, names, the add-in state and (with notes and a probe) the notes; the second loads every used range
 * with all its matrices, up to FIRST_SYNC_ROWS rows in all, the state's XML and the probe of the marks. Longer
 * sheets are read on in row blocks, each sync kept under PAYLOAD_BUDGET.
 */
export async function readSnapshot(context: Excel.RequestContext, options: ReadOptions): Promise<ExcelRead> {
  const { caps } = options;
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name,items/formula,items/type');
  const part = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
  part.load('id');
  const notes = options.probe ? queueNoteList(context, caps) : null;
  await context.sync();
  let syncs = 1;
  await options.onSheets?.(sheets.items.length);

  const xml = part.isNullObject ? null : part.getXml();
  const firstRows = Math.max(50, Math.floor(FIRST_SYNC_ROWS / Math.max(1, sheets.items.length)));
  const reads = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,rowCount');
    const first = loadBlock(used.getIntersectionOrNullObject(ws.getRange(`1:${firstRows}`)));
    const merged = caps.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    ws.protection.load('protected');
    return { ws, used, first, merged, data: null as Matrices | null, area: null as ReturnType<typeof areaOf> | null };
  });
  const pendingProbe = options.probe ? queueMarkProbe(sheets.items, notes) : null;
  await context.sync();
  syncs++;

  // Whatever the second sync did not cover, in row blocks sized from what it returned.
  const pending: Array<{ read: (typeof reads)[number]; from: number; to: number }> = [];
  let bytesPerRow = 200;
  for (const r of reads) {
    if (r.used.isNullObject) continue;
    r.area = areaOf(r.used.address);
    r.data = r.first.isNullObject ? { values: [], text: [], formulas: [], formulasR1C1: [], numberFormat: [], valueTypes: [] } : matricesOf(r.first);
    if (!r.first.isNullObject && r.data.values.length) bytesPerRow = Math.max(bytesPerRow, Math.ceil(blockBytes(r.data) / r.data.values.length));
    const covered = r.first.isNullObject ? r.area.top - 1 : r.area.top + r.data.values.length - 1;
    if (covered < r.area.bottom) pending.push({ read: r, from: covered + 1, to: r.area.bottom });
  }
  const rowsPerSync = Math.max(1, Math.floor(PAYLOAD_BUDGET / bytesPerRow));
  while (pending.length) {
    let budget = rowsPerSync;
    const batch: Array<{ read: (typeof reads)[number]; range: Excel.Range }> = [];
    while (pending.length && budget > 0) {
      const p = pending[0];
      const to = Math.min(p.to, p.from + budget - 1);
      batch.push({ read: p.read, range: loadBlock(p.read.used.getIntersection(p.read.ws.getRange(`${p.from + 1}:${to + 1}`))) });
      budget -= to - p.from + 1;
      if (to === p.to) pending.shift();
      else p.from = to + 1;
    }
    await context.sync();
    syncs++;
    for (const b of batch) append(b.read.data!, matricesOf(b.range));
  }

  const out: SheetSnapshot[] = reads.map(({ ws, used, merged, data, area }) => {
    if (used.isNullObject || !data || !area) return { name: ws.name, top: 0, left: 0, values: [], text: [], formulas: [], formulasR1C1: [], numberFormats: [], types: [], merges: [], hiddenRows: [], hiddenCols: [] };
    const onlyFormulas = (m: unknown[][]) => m.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : '')));
    const types = (data.valueTypes as string[][]).map((row) => row.map((t) => TYPES[t] ?? 'string'));
    const values = data.values.map((row, i) => row.map((v, j): RawValue => (types[i][j] === 'empty' ? null : (v as RawValue))));
    const merges = merged && !merged.isNullObject && merged.address ? merged.address.split(',').map((a) => areaOf(a.trim())) : [];
    return {
      name: ws.name,
      top: area.top,
      left: area.left,
      values,
      text: data.text as string[][],
      formulas: onlyFormulas(data.formulas),
      formulasR1C1: onlyFormulas(data.formulasR1C1),
      numberFormats: data.numberFormat as string[][],
      types,
      merges,
      hiddenRows: [],
      hiddenCols: [],
      protected: ws.protection.protected,
    };
  });
  const namedRanges = names.items.filter((n) => n.type === 'Range').map((n) => ({ name: n.name, ref: String(n.formula).replace(/^=/, '') }));
  return {
    snapshot: { sheets: out, names: namedRanges, stateXml: xml?.value ?? null },
    protectedSheets: out.filter((s) => s.protected).map((s) => s.name),
    state: stateFromXml(xml?.value),
    part,
    probe: pendingProbe ? probeOf(pendingProbe) : null,
    syncs,
  };
}
