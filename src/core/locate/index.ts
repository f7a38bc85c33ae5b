import { Table } from '../model';
import type { Profile } from '../profiles';
import { Snapshot } from '../snapshot';
import { locateBasic } from './basic';
import { dictionaries } from './dictionaries';
import { Book } from './grid';
import { locateSelf } from './self';

/** Finds and binds every 基础数据表 and 自评表 in a workbook, in sheet order, basic tables first on each sheet. */
export function locateTables(book: Book | Snapshot, profile: Profile): Table[] {
  const dicts = dictionaries(profile);
  const tables: Table[] = [];
  for (const grid of (book instanceof Book ? book : new Book(book)).grids) {
    if (!grid.rowCount) continue;
    const basics = locateBasic(grid, dicts, []);
    const selfs = locateSelf(grid, dicts, profile, basics.map((b) => b.range));
    tables.push(...basics, ...selfs);
  }
  return tables;
}

export { Book, Grid } from './grid';
