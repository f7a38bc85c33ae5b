import { CellType, parseAreaA1, RawValue, SheetSnapshot, Snapshot } from '../../core/snapshot';
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
  syncs: number;
}

/**
 * Reads the used range of every sheet into a Snapshot in two syncs whatever the number of sheets: the first
 * lists the sheets, names and the add-in state; the second loads every used range with all its matrices.
 */
export async function readSnapshot(context: Excel.RequestContext, options: { merges: boolean }): Promise<ExcelRead> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name');
  const names = context.workbook.names;
  names.load('items/name,items/formula,items/type');
  const part = context.workbook.customXmlParts.getByNamespace(STATE_NAMESPACE).getOnlyItemOrNullObject();
  part.load('id');
  await context.sync();

  const xml = part.isNullObject ? null : part.getXml();
  const reads = sheets.items.map((ws) => {
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values,text,formulas,formulasR1C1,numberFormat,valueTypes');
    const merged = options.merges ? used.getMergedAreasOrNullObject() : null;
    merged?.load('address');
    ws.protection.load('protected');
    return { ws, used, merged };
  });
  await context.sync();

  const out: SheetSnapshot[] = reads.map(({ ws, used, merged }) => {
    if (used.isNullObject) return { name: ws.name, top: 0, left: 0, values: [], text: [], formulas: [], formulasR1C1: [], numberFormats: [], types: [], merges: [], hiddenRows: [], hiddenCols: [] };
    const area = areaOf(used.address);
    const formulas = used.formulas.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : '')));
    const formulasR1C1 = used.formulasR1C1.map((row) => row.map((f) => (typeof f === 'string' && f.startsWith('=') ? f : '')));
    const types = used.valueTypes.map((row) => row.map((t) => TYPES[t] ?? 'string'));
    const values = used.values.map((row, i) => row.map((v, j): RawValue => (types[i][j] === 'empty' ? null : (v as RawValue))));
    const merges = merged && !merged.isNullObject && merged.address ? merged.address.split(',').map((a) => areaOf(a.trim())) : [];
    return {
      name: ws.name,
      top: area.top,
      left: area.left,
      values,
      text: used.text,
      formulas,
      formulasR1C1,
      numberFormats: used.numberFormat as string[][],
      types,
      merges,
      hiddenRows: [],
      hiddenCols: [],
      protected: ws.protection.protected,
    };
  });
  const namedRanges = names.items.filter((n) => n.type === 'Range').map((n) => ({ name: n.name, ref: String(n.formula).replace(/^=/, '') }));
  return {
    snapshot: { sheets: out, names: namedRanges },
    protectedSheets: out.filter((s) => s.protected).map((s) => s.name),
    state: stateFromXml(xml?.value),
    syncs: 2,
  };
}
