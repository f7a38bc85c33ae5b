import { parseTarget, Target, Operator } from '../parse/target';
import { CellRead, readCellValue } from '../parse/number';
import { normalizeLabel } from '../parse/label';
import { cleanText } from '../parse/text';
import { Area, CellRef, CellType, RawValue, SheetSnapshot, Snapshot } from '../snapshot';
import { TextCell } from '../model';

/** Read access to one sheet in absolute coordinates, with normalised labels computed once. */
export class Grid {
  readonly name: string;
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  private readonly labels: (string | undefined)[][];
  private readonly hiddenCols: Set<number>;
  /** For each cell of the sheet's matrices, 1 + the index in `sheet.merges` of the merge over it, or 0. */
  private readonly mergeAt: Int32Array | null = null;
  private readonly width: number;

  /**
   * `bounds` narrows the grid to one area (a table bound by hand): cells outside it read as empty. `overrides` maps
   * a normalised label to the label the locators know (a person's own name for a row, bound to its role).
   */
  constructor(
    readonly sheet: SheetSnapshot,
    bounds?: Area,
    private readonly overrides?: ReadonlyMap<string, string>,
  ) {
    this.name = sheet.name;
    const bottom = sheet.top + sheet.values.length - 1;
    const right = sheet.left + (sheet.values[0]?.length ?? 0) - 1;
    this.top = Math.max(sheet.top, bounds?.top ?? sheet.top);
    this.left = Math.max(sheet.left, bounds?.left ?? sheet.left);
    this.bottom = Math.min(bottom, bounds?.bottom ?? bottom);
    this.right = Math.min(right, bounds?.right ?? right);
    this.labels = sheet.values.map(() => []);
    this.hiddenCols = new Set(sheet.hiddenCols);
    this.width = sheet.values[0]?.length ?? 0;
    // Only the cells the sheet holds are indexed, one slot each, and a merge over cells already merged (Excel
    // refuses overlaps) is passed over: the work is bounded by the sheet's cells, whatever areas the file declares.
    if (sheet.merges.length) {
      const at = new Int32Array(sheet.values.length * this.width);
      let budget = 2 * at.length + 1_000_000;
      sheet.merges.forEach((m, i) => {
        const t = Math.max(m.top, sheet.top);
        const l = Math.max(m.left, sheet.left);
        const b = Math.min(m.bottom, bottom);
        const rr = Math.min(m.right, right);
        if (budget <= 0 || t > b || l > rr || at[(t - sheet.top) * this.width + (l - sheet.left)]) return;
        budget -= (b - t + 1) * (rr - l + 1);
        for (let r = t; r <= b; r++) {
          const row = (r - sheet.top) * this.width - sheet.left;
          for (let c = l; c <= rr; c++) if (!at[row + c]) at[row + c] = i + 1;
        }
      });
      this.mergeAt = at;
    }
  }

  get rowCount(): number {
    return this.sheet.values.length;
  }

  inside(r: number, c: number): boolean {
    return r >= this.top && r <= this.bottom && c >= this.left && c <= this.right;
  }

  ref(r: number, c: number): CellRef {
    return { sheet: this.name, row: r, col: c };
  }

  /** The text a person sees in the cell, or in the merged area it belongs to. */
  text(r: number, c: number): string {
    if (!this.inside(r, c)) return '';
    const t = this.sheet.text[r - this.sheet.top][c - this.sheet.left];
    if (t) return t;
    const v = this.sheet.values[r - this.sheet.top][c - this.sheet.left];
    return v === null || v === undefined ? '' : String(v);
  }

  /** The normalised label of a text cell ('' for numbers and empties). */
  label(r: number, c: number): string {
    if (!this.inside(r, c)) return '';
    const row = this.labels[r - this.sheet.top];
    let l = row[c - this.sheet.left];
    if (l === undefined) {
      const type = this.sheet.types[r - this.sheet.top][c - this.sheet.left];
      l = type === 'string' ? normalizeLabel(this.text(r, c)) : '';
      if (l && this.overrides?.has(l)) l = this.overrides.get(l)!;
      row[c - this.sheet.left] = l;
    }
    return l;
  }

  textCell(r: number, c: number): TextCell {
    return { ref: this.ref(r, c), text: cleanText(this.text(r, c)) };
  }

  read(r: number, c: number): CellRead {
    const ref = this.ref(r, c);
    if (!this.inside(r, c)) return readCellValue(ref, null, '', '', 'General', 'empty');
    const i = r - this.sheet.top;
    const j = c - this.sheet.left;
    const s = this.sheet;
    return readCellValue(ref, s.values[i][j], s.text[i][j], s.formulas[i][j], s.numberFormats[i][j], s.types[i][j]);
  }

  /** The raw value (a formula's cached result), or null outside the used range. */
  raw(r: number, c: number): RawValue {
    return this.inside(r, c) ? this.sheet.values[r - this.sheet.top][c - this.sheet.left] : null;
  }

  type(r: number, c: number): CellType {
    return this.inside(r, c) ? this.sheet.types[r - this.sheet.top][c - this.sheet.left] : 'empty';
  }

  formula(r: number, c: number): string {
    return this.inside(r, c) ? this.sheet.formulas[r - this.sheet.top][c - this.sheet.left] : '';
  }

  formulaR1C1(r: number, c: number): string {
    return this.inside(r, c) ? (this.sheet.formulasR1C1?.[r - this.sheet.top][c - this.sheet.left] ?? '') : '';
  }

  target(r: number, c: number, bareOp: Operator): Target {
    return parseTarget(this.text(r, c), bareOp);
  }

  isEmpty(r: number, c: number): boolean {
    if (!this.inside(r, c)) return true;
    const type = this.sheet.types[r - this.sheet.top][c - this.sheet.left];
    if (type === 'empty') return true;
    if (type !== 'string') return false;
    return !/\S/.test(this.text(r, c));
  }

  isHiddenCol(c: number): boolean {
    return this.hiddenCols.has(c);
  }

  merge(r: number, c: number): Area | undefined {
    const { sheet } = this;
    if (!this.mergeAt || r < sheet.top || c < sheet.left || r >= sheet.top + sheet.values.length || c >= sheet.left + this.width) return undefined;
    const i = this.mergeAt[(r - sheet.top) * this.width + (c - sheet.left)];
    return i ? sheet.merges[i - 1] : undefined;
  }

  /** Whether a cell is covered by a merged area but is not its top-left cell. */
  isMergedSlave(r: number, c: number): boolean {
    const m = this.merge(r, c);
    return !!m && (m.top !== r || m.left !== c);
  }

  /** First non-empty cell right of (r, c) on the same row, skipping merged slaves and hidden columns. */
  nextRight(r: number, c: number, limit = 6): number | null {
    for (let k = c + 1; k <= Math.min(this.right, c + limit); k++) {
      if (this.isHiddenCol(k)) continue;
      if (!this.isEmpty(r, k)) return k;
    }
    return null;
  }

  rowEmpty(r: number, from = this.left, to = this.right): boolean {
    for (let c = from; c <= to; c++) if (!this.isEmpty(r, c)) return false;
    return true;
  }

  /** All cells whose label passes the test, top to bottom, left to right. */
  findAll(test: (label: string) => boolean, area?: Partial<Area>): Array<{ row: number; col: number; label: string }> {
    const out: Array<{ row: number; col: number; label: string }> = [];
    const top = Math.max(area?.top ?? this.top, this.top);
    const bottom = Math.min(area?.bottom ?? this.bottom, this.bottom);
    const left = Math.max(area?.left ?? this.left, this.left);
    const right = Math.min(area?.right ?? this.right, this.right);
    for (let r = top; r <= bottom; r++) {
      const types = this.sheet.types[r - this.sheet.top];
      for (let c = left; c <= right; c++) {
        if (types[c - this.sheet.left] !== 'string') continue;
        const l = this.label(r, c);
        if (l && test(l)) out.push({ row: r, col: c, label: l });
      }
    }
    return out;
  }
}

/** The area a locator has bound so far, grown in place cell by cell. */
export class Bounds {
  private area: Area | null = null;

  readonly add = (r: number, c: number): void => {
    const a = this.area;
    if (!a) {
      this.area = { top: r, left: c, bottom: r, right: c };
      return;
    }
    if (r < a.top) a.top = r;
    if (r > a.bottom) a.bottom = r;
    if (c < a.left) a.left = c;
    if (c > a.right) a.right = c;
  };

  /** A copy of the area (throws if nothing was bound). */
  get(): Area {
    if (!this.area) throw new Error('empty bounds');
    return { ...this.area };
  }

  get empty(): boolean {
    return this.area === null;
  }
}

/** Grows an area to include a cell. */
export function extend(area: Area | null, r: number, c: number): Area {
  if (!area) return { top: r, left: c, bottom: r, right: c };
  return { top: Math.min(area.top, r), left: Math.min(area.left, c), bottom: Math.max(area.bottom, r), right: Math.max(area.right, c) };
}

export function overlaps(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/**
 * Grows a bound table's area by its title row just above (a cell naming the table) and by the note rows just
 * below (说明, 填表人 …), so that the range a person sees is the whole form.
 */
export function withTitleAndNotes(grid: Grid, area: Area, isTitle: (label: string) => boolean, isNote: (label: string) => boolean, maxRow = grid.bottom): Area {
  let out = area;
  for (let r = area.top - 1; r >= Math.max(grid.top, area.top - 2); r--) {
    const hit = grid.findAll(isTitle, { top: r, bottom: r, left: area.left, right: area.right })[0];
    if (!hit) continue;
    out = extend(out, r, hit.col);
    break;
  }
  let r = out.bottom + 1;
  while (r <= Math.min(maxRow, out.bottom + 4)) {
    const hit = grid.findAll(isNote, { top: r, bottom: r, left: area.left, right: area.left + 1 })[0];
    if (!hit) break;
    const m = grid.merge(r, hit.col);
    out = extend(extend(out, m ? m.bottom : r, hit.col), r, Math.min(area.right, grid.right));
    r = out.bottom + 1;
  }
  return out;
}

/** Every sheet of a workbook as a Grid, found by name the way Excel does (case-insensitively). */
export class Book {
  readonly grids: Grid[];
  private readonly byName = new Map<string, Grid>();
  readonly names: ReadonlyMap<string, string>;

  constructor(readonly snapshot: Snapshot) {
    this.grids = snapshot.sheets.map((s) => new Grid(s));
    for (const g of this.grids) this.byName.set(g.name.toLowerCase(), g);
    this.names = new Map((snapshot.names ?? []).map((n) => [n.name.toLowerCase(), n.ref.replace(/^=/, '')]));
  }

  grid(sheet: string): Grid | undefined {
    return this.byName.get(sheet.toLowerCase());
  }
}
