import type { Finding, Lang, Severity } from '../../core/rules/types';
import { noteLine, SEVERITY_COLOR } from '../../core/report';
import { parseRangeRef } from '../../core/bindings';
import { a1 } from '../../core/snapshot';
import type { Capabilities } from './capabilities';
import { AddinState, queueState } from './state';
import { NOTE_PREFIX, sameSheet } from '../common/cells';

const PRIORITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The rule of the add-in's conditional formats: always true, and recognisable, so that the next check or 清除标记
 * finds them by their rule (a format's id is only its position in a collection, and changes as formats come and go).
 */
export const MARK_FORMULA = '=ISTEXT("jixiao")';

export function isMarkFormula(formula: string | null | undefined): boolean {
  return !!formula && formula.replace(/\s+/g, '').toUpperCase() === MARK_FORMULA.toUpperCase();
}

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

/** What a workbook holds before marking: the add-in's formats, and every note with its cell. */
export interface MarkProbe {
  formats: Array<{ sheet: string; format: Excel.ConditionalFormat }>;
  notes: Array<{ note: Excel.Note; sheet: string; cell: string; content: string }>;
}

export interface PendingProbe {
  sheets: Array<{ sheet: string; formats: Excel.ConditionalFormatCollection }>;
  notes: Array<{ note: Excel.Note; location: Excel.Range }>;
}

/** Queued with a first sync, where notes are supported: the workbook's notes and their text. */
export function queueNoteList(context: Excel.RequestContext, caps: Capabilities): Excel.NoteCollection | null {
  if (!caps.notes) return null;
  const notes = context.workbook.notes;
  notes.load('items/content');
  return notes;
}

/** Queued with a second sync: each sheet's custom formats with their rules, and each listed note's cell. */
export function queueMarkProbe(sheets: Excel.Worksheet[], notes: Excel.NoteCollection | null): PendingProbe {
  return {
    sheets: sheets.map((ws) => {
      const formats = ws.getRange().conditionalFormats;
      formats.load({ type: true, customOrNullObject: { rule: { formula: true } } });
      return { sheet: ws.name, formats };
    }),
    notes: (notes?.items ?? []).map((note) => {
      const location = note.getLocation();
      location.load('address');
      return { note, location };
    }),
  };
}

export function probeOf(p: PendingProbe): MarkProbe {
  return {
    formats: p.sheets.flatMap(({ sheet, formats }) =>
      formats.items.filter((f) => f.type === 'Custom' && !f.customOrNullObject.isNullObject && isMarkFormula(f.customOrNullObject.rule.formula)).map((format) => ({ sheet, format })),
    ),
    notes: p.notes.map(({ note, location }) => {
      const { sheet, area } = parseRangeRef(location.address);
      return { note, sheet, cell: a1(area.top, area.left), content: note.content };
    }),
  };
}

/** The notes the add-in wrote and nobody has changed since: the state records each by cell and text. */
function ownNotes(probe: MarkProbe, state: AddinState): Set<MarkProbe['notes'][number]> {
  const own = new Set<MarkProbe['notes'][number]>();
  for (const n of probe.notes) {
    const rec = state.marks?.find((m) => sameSheet(m.sheet, n.sheet))?.notes.find((x) => x.cell === n.cell && x.content === n.content);
    if (rec) own.add(n);
  }
  return own;
}

export interface MarkOutcome {
  /** Cells marked. */
  cells: number;
  /** Whether anything was queued (a workbook with no findings and no old marks needs no sync). */
  queued: boolean;
  /** Protected sheets whose findings stay unmarked (and whose old marks stay). */
  skipped: string[];
}

/**
 * Queues (without a sync) the removal of the previous marks and the new ones: one conditional format per severity
 * (and address chunk) over the problem cells, which never touches the person's own formats, and, where notes are
 * supported, a note per cell that has none. Records what it added in the state, written in the same batch.
 */
export function queueMarks(
  context: Excel.RequestContext,
  probe: MarkProbe,
  findings: Finding[],
  state: AddinState,
  part: Excel.CustomXmlPart,
  options: { caps: Capabilities; lang: Lang; protectedSheets: string[] },
): MarkOutcome {
  const locked = (sheet: string) => options.protectedSheets.some((p) => sameSheet(p, sheet));
  const before = JSON.stringify(state.marks ?? []);
  const removed = probe.formats.length + ownNotes(probe, state).size;
  const kept = queueClearOwn(probe, state, locked);
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) if (f.ref) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  const own = ownNotes(probe, state);
  const others = probe.notes.filter((n) => !own.has(n) || locked(n.sheet));
  const skipped: string[] = [];
  let cells = 0;
  const marks: NonNullable<AddinState['marks']> = [...kept];
  for (const [sheet, list] of bySheet) {
    if (locked(sheet)) {
      skipped.push(sheet);
      continue;
    }
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const sev of ['error', 'warning', 'info'] as Severity[]) {
      const sevCells = [...new Set(list.filter((f) => f.severity === sev).map((f) => f.cell))];
      for (const chunk of chunkAddresses(sevCells)) {
        const cf = ws.getRanges(chunk).conditionalFormats.add('Custom' as Excel.ConditionalFormatType.custom);
        cf.custom.rule.formula = MARK_FORMULA;
        cf.custom.format.fill.color = SEVERITY_COLOR[sev];
        cf.priority = PRIORITY[sev];
      }
    }
    const texts = new Map<string, string[]>();
    for (const f of list) texts.set(f.cell, [...(texts.get(f.cell) ?? []), noteLine(f, options.lang)]);
    cells += texts.size;
    const notes: Array<{ cell: string; content: string }> = [];
    if (options.caps.notes) {
      for (const [cell, msgs] of texts) {
        // A note the person wrote stays, and the pane carries the message.
        if (others.some((n) => sameSheet(n.sheet, sheet) && n.cell === cell)) continue;
        const content = NOTE_PREFIX + msgs.join('\n');
        ws.notes.add(cell, content);
        notes.push({ cell, content });
      }
    }
    marks.push({ sheet, notes });
  }
  const added = marks.length > kept.length;
  state.marks = marks;
  const recorded = JSON.stringify(marks) !== before;
  if (recorded) queueState(context, part, state);
  return { cells, skipped, queued: recorded || removed > 0 || added };
}

/** Queues the removal of the add-in's formats and unchanged notes, except on protected sheets; returns what stays. */
function queueClearOwn(probe: MarkProbe, state: AddinState, locked: (sheet: string) => boolean): NonNullable<AddinState['marks']> {
  for (const f of probe.formats) if (!locked(f.sheet)) f.format.delete();
  for (const n of ownNotes(probe, state)) if (!locked(n.sheet)) n.note.delete();
  return (state.marks ?? []).filter((m) => locked(m.sheet));
}

/**
 * Queues the removal of every mark (no sync); the state keeps only those on protected sheets. Returns the
 * protected sheets whose marks stay.
 */
export function queueClear(context: Excel.RequestContext, probe: MarkProbe, state: AddinState, part: Excel.CustomXmlPart, protectedSheets: string[]): string[] {
  const locked = (sheet: string) => protectedSheets.some((p) => sameSheet(p, sheet));
  const before = JSON.stringify(state.marks ?? []);
  state.marks = queueClearOwn(probe, state, locked);
  if (JSON.stringify(state.marks) !== before) queueState(context, part, state);
  return [...new Set([...probe.formats.map((f) => f.sheet), ...state.marks.map((m) => m.sheet)].filter(locked))];
}
