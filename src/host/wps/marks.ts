/**
 * Marks through the ET object model. WPS's JS model has no conditional formats the host can tell apart reliably, so a
 * mark is a cell fill (Interior.Color, COM BGR) by severity and, where the cell has no comment, a comment with the
 * messages. Each fill is recorded in the state with what it replaced (colour and pattern), each comment with its
 * text: clearing puts back exactly that, and leaves a cell a person re-coloured or a comment a person edited. A
 * comment a person wrote is never replaced (the pane carries the message). Protected sheets are neither marked nor
 * cleared, and are named.
 */
import { noteLine, SEVERITY_COLOR } from '../../core/report';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import type { AddinState, MarkFill } from '../../core/state';
import { NOTE_PREFIX } from '../common/cells';
import type { MarkOutcome } from '../excel/marks';
import type { EtApplication, EtComment, EtInterior, EtWorksheet } from './et';
import { get, hexToBgr, item, put, XL_PATTERN_NONE, XL_PATTERN_SOLID } from './facade';
import { activeWorkbook } from './read';
import { readState, writeState } from './state';

export type { MarkOutcome };

const PRIORITY: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const WHITE = 0xffffff;
type Marks = NonNullable<AddinState['marks']>;

function sheets(app: EtApplication) {
  const wb = activeWorkbook(app);
  const all = wb.Worksheets;
  const cache = new Map<string, EtWorksheet | null>();
  const sheet = (name: string): EtWorksheet | null => {
    if (!cache.has(name)) {
      let ws: EtWorksheet | null = null;
      try {
        ws = item(all, name);
      } catch {
        // a sheet deleted or renamed since: its marks went with it
      }
      cache.set(name, ws);
    }
    return cache.get(name)!;
  };
  const lockedCache = new Map<string, boolean>();
  const locked = (name: string) => {
    if (!lockedCache.has(name)) lockedCache.set(name, !!(sheet(name) && get(sheet(name)!, 'ProtectContents')));
    return lockedCache.get(name)!;
  };
  return { wb, sheet, locked };
}

/** Takes one sheet's marks off: fills still as the mark left them get back what they replaced; unchanged comments go. */
function clearEntry(ws: EtWorksheet, entry: Marks[number]): void {
  for (const f of entry.fills ?? []) {
    const interior = get<EtInterior>(ws.Range(f.cell), 'Interior');
    if (get(interior, 'Color') !== f.after || get(interior, 'Pattern') !== XL_PATTERN_SOLID) continue;
    if (f.pattern === XL_PATTERN_NONE) put(interior, 'Pattern', XL_PATTERN_NONE);
    else {
      put(interior, 'Color', f.color);
      if (f.pattern !== XL_PATTERN_SOLID) put(interior, 'Pattern', f.pattern);
    }
  }
  for (const n of entry.notes) {
    const c = get<EtComment | null>(ws.Range(n.cell), 'Comment');
    if (c && c.Text() === n.content) c.Delete();
  }
}

/** Clears the marks of every unprotected sheet; returns the entries that stay (protected sheets'). */
function clearOwn(ctx: ReturnType<typeof sheets>, marks: Marks): Marks {
  const kept: Marks = [];
  for (const m of marks) {
    const ws = ctx.sheet(m.sheet);
    if (!ws) continue;
    if (ctx.locked(m.sheet)) kept.push(m);
    else clearEntry(ws, m);
  }
  return kept;
}

/**
 * Takes off the previous check's marks and marks the findings: a fill per problem cell in its most severe finding's
 * colour, and a comment with its messages where the cell has none. Records both in the state. The state passed in is
 * not used: the workbook's own is read again now.
 */
export function applyMarks(app: EtApplication, findings: Finding[], lang: Lang, _state?: AddinState, _owner?: string): MarkOutcome {
  const ctx = sheets(app);
  const read = readState(ctx.wb);
  const before = JSON.stringify(read.state.marks ?? []);
  const marks: Marks = clearOwn(ctx, read.state.marks ?? []);
  const keptCount = marks.length;
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) if (f.ref) bySheet.set(f.sheet, [...(bySheet.get(f.sheet) ?? []), f]);
  const skipped: string[] = [];
  let cells = 0;
  for (const [name, list] of bySheet) {
    const ws = ctx.sheet(name);
    if (!ws) continue;
    if (ctx.locked(name)) {
      skipped.push(name);
      continue;
    }
    const worst = new Map<string, Severity>();
    const texts = new Map<string, string[]>();
    for (const f of list) {
      const w = worst.get(f.cell);
      if (!w || PRIORITY[f.severity] < PRIORITY[w]) worst.set(f.cell, f.severity);
      texts.set(f.cell, [...(texts.get(f.cell) ?? []), noteLine(f, lang)]);
    }
    const fills: MarkFill[] = [];
    const notes: Array<{ cell: string; content: string }> = [];
    for (const [cell, sev] of worst) {
      const range = ws.Range(cell);
      const interior = get<EtInterior>(range, 'Interior');
      const pattern = Number(get(interior, 'Pattern') ?? XL_PATTERN_NONE);
      const color = Number(get(interior, 'Color') ?? WHITE);
      const after = hexToBgr(SEVERITY_COLOR[sev]);
      put(interior, 'Color', after);
      if (get(interior, 'Pattern') !== XL_PATTERN_SOLID) put(interior, 'Pattern', XL_PATTERN_SOLID);
      fills.push({ cell, color, pattern, after });
      if (!get(range, 'Comment')) {
        const content = NOTE_PREFIX + texts.get(cell)!.join('\n');
        range.AddComment(content);
        notes.push({ cell, content });
      }
    }
    cells += worst.size;
    marks.push({ sheet: name, notes, fills });
  }
  const recorded = JSON.stringify(marks) !== before;
  if (recorded) writeState(ctx.wb, read, { ...read.state, marks });
  return { cells, skipped, queued: recorded || marks.length > keptCount };
}

/** Takes every mark off (清除标记); the state keeps those of protected sheets. Returns the protected sheets whose marks stay. */
export function clearMarks(app: EtApplication): string[] {
  const ctx = sheets(app);
  const read = readState(ctx.wb);
  const prev = read.state.marks ?? [];
  const kept = clearOwn(ctx, prev);
  if (JSON.stringify(kept) !== JSON.stringify(prev)) writeState(ctx.wb, read, { ...read.state, marks: kept });
  return [...new Set(kept.map((m) => m.sheet))];
}
