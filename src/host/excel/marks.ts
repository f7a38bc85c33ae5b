import type { Finding, Lang, Severity } from '../../core/rules/types';
import { SEVERITY_COLOR } from '../../core/report';
import { AddinState, readState, queueState } from './state';

const PRIORITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const NOTE_PREFIX = 'jixiao: ';

/** Splits cell addresses into comma lists well under RangeAreas' ~8k-character address limit. */
export function chunkAddresses(cells: string[], limit = 2000): string[] {
  const out: string[] = [];
  let cur = '';
  for (const c of cells) {
    if (cur && cur.length + c.length + 1 > limit) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${c}` : c;
  }
  if (cur) out.push(cur);
  return out;
}

function bySheet(findings: Finding[]): Map<string, Finding[]> {
  const m = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!f.ref) continue;
    const list = m.get(f.sheet) ?? [];
    list.push(f);
    m.set(f.sheet, list);
  }
  return m;
}

/**
 * Queues the removal of exactly the formats and notes the state records (one sync to find which still exist),
 * leaving notes a person has since edited.
 */
async function queueClear(context: Excel.RequestContext, marks: NonNullable<AddinState['marks']>, notes: boolean): Promise<void> {
  const formats: Excel.ConditionalFormat[] = [];
  const probes: Array<{ note: Excel.Note; content: string }> = [];
  for (const m of marks) {
    const ws = context.workbook.worksheets.getItemOrNullObject(m.sheet);
    for (const id of m.formats) {
      const cf = ws.getRange().conditionalFormats.getItemOrNullObject(id);
      cf.load('id');
      formats.push(cf);
    }
    if (notes) {
      for (const n of m.notes) {
        const note = ws.notes.getItemOrNullObject(n.cell);
        note.load('content');
        probes.push({ note, content: n.content });
      }
    }
  }
  if (!formats.length && !probes.length) return;
  await context.sync();
  for (const cf of formats) if (!cf.isNullObject) cf.delete();
  for (const p of probes) if (!p.note.isNullObject && p.note.content === p.content) p.note.delete();
}

/**
 * Marks problem cells: one conditional format per severity (and address chunk) over the problem cells, which
 * never touches the user's own formats, and a note per cell where the cell has none and notes are supported.
 * Returns the number of syncs.
 */
export async function applyMarks(context: Excel.RequestContext, findings: Finding[], options: { notes: boolean; lang: Lang }): Promise<number> {
  let syncs = 0;
  const { state, part } = await readState(context);
  syncs += part.isNullObject ? 1 : 2;
  if (state.marks?.length) {
    await queueClear(context, state.marks, options.notes);
    syncs++;
  }
  const groups = bySheet(findings);
  const noteProbes = new Map<string, Array<{ cell: string; note: Excel.Note; text: string }>>();
  for (const [sheet, list] of groups) {
    if (!options.notes) break;
    const ws = context.workbook.worksheets.getItem(sheet);
    const cells = new Map<string, string[]>();
    for (const f of list) cells.set(f.cell, [...(cells.get(f.cell) ?? []), `[${f.rule}] ${f.message}`]);
    const probes = [...cells].map(([cell, msgs]) => {
      const note = ws.notes.getItemOrNullObject(cell);
      note.load('content');
      return { cell, note, text: NOTE_PREFIX + msgs.join('\n') };
    });
    noteProbes.set(sheet, probes);
  }
  await context.sync();
  syncs++;
  const added: Array<{ sheet: string; formats: Excel.ConditionalFormat[]; notes: Array<{ cell: string; content: string }> }> = [];
  for (const [sheet, list] of groups) {
    const ws = context.workbook.worksheets.getItem(sheet);
    const entry = { sheet, formats: [] as Excel.ConditionalFormat[], notes: [] as Array<{ cell: string; content: string }> };
    for (const sev of ['error', 'warning', 'info'] as Severity[]) {
      const cells = [...new Set(list.filter((f) => f.severity === sev).map((f) => f.cell))];
      for (const chunk of chunkAddresses(cells)) {
        const cf = ws.getRanges(chunk).conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = '=TRUE';
        cf.custom.format.fill.color = SEVERITY_COLOR[sev];
        cf.priority = PRIORITY[sev];
        cf.load('id');
        entry.formats.push(cf);
      }
    }
    for (const p of noteProbes.get(sheet) ?? []) {
      if (!p.note.isNullObject) continue; // the person's own note stays; the pane carries the message
      ws.notes.add(p.cell, p.text);
      entry.notes.push({ cell: p.cell, content: p.text });
    }
    added.push(entry);
  }
  await context.sync();
  syncs++;
  state.marks = added.map((a) => ({ sheet: a.sheet, formats: a.formats.map((f) => f.id), notes: a.notes }));
  queueState(context, part, state);
  await context.sync();
  return syncs + 1;
}

/** Removes every mark the add-in recorded. */
export async function clearMarks(context: Excel.RequestContext, options: { notes: boolean }): Promise<void> {
  const { state, part } = await readState(context);
  if (!state.marks?.length) return;
  await queueClear(context, state.marks, options.notes);
  state.marks = [];
  queueState(context, part, state);
  await context.sync();
}
