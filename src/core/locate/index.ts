import { BasicRowRole, BasicTable, Table } from '../model';
import type { Profile } from '../profiles';
import { Snapshot } from '../snapshot';
import { locateBasic } from './basic';
import { dictionaries } from './dictionaries';
import { Book, Grid } from './grid';
import { Binding, labelMap } from '../bindings';
import { locateSelf } from './self';

export interface Located {
  tables: Table[];
  /** Bindings whose range held no table of their kind, even with their label map. */
  empty: Binding[];
}

/**
 * Finds and binds every 基础数据表 and 自评表 in a workbook. Ranges bound by hand come first: the locator runs inside
 * each one only, with its label map. Then detection runs on the rest of every sheet, in sheet order.
 */
export function locateAll(book: Book | Snapshot, profile: Profile, bindings: Binding[] = []): Located {
  const b = book instanceof Book ? book : new Book(book);
  const dicts = dictionaries(profile);
  const tables: Table[] = [];
  const empty: Binding[] = [];
  for (const bind of bindings) {
    const whole = b.grid(bind.sheet);
    if (!whole) {
      empty.push(bind);
      continue;
    }
    const grid = new Grid(whole.sheet, bind.area, labelMap(bind));
    const found = bind.kind === 'basic' ? locateBasic(grid, dicts, [], true) : locateSelf(grid, dicts, profile, []);
    if (found.length) tables.push(found[0]);
    else empty.push(bind);
  }
  for (const grid of b.grids) {
    if (!grid.rowCount) continue;
    const bound = bindings.filter((x) => x.sheet.toLowerCase() === grid.name.toLowerCase()).map((x) => x.area);
    const basics = locateBasic(grid, dicts, bound).filter((t) => !onlySangong(t));
    const selfs = locateSelf(grid, dicts, profile, [...bound, ...basics.map((x) => x.range)]);
    tables.push(...basics, ...selfs);
  }
  return { tables, empty };
}

const SANGONG_ROLES = new Set<BasicRowRole>(['sangong', 'car', 'carPurchase', 'carRun', 'abroad', 'reception', 'other']);

/**
 * A "三公"经费 table on its own (no 财政供养人员情况, no row beyond the 三公 family) is no 基础数据表 found by detection:
 * it is left to the budget-table reader, which checks it as the table it is. One bound by hand stays a 基础数据表.
 */
function onlySangong(t: BasicTable): boolean {
  return !t.staff && t.buildings.length === 0 && t.rows.every((r) => SANGONG_ROLES.has(r.role));
}

/** Finds and binds every table (see locateAll). */
export function locateTables(book: Book | Snapshot, profile: Profile, bindings: Binding[] = []): Table[] {
  return locateAll(book, profile, bindings).tables;
}

export { Book, Grid } from './grid';
