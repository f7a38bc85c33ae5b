import type { BudgetTable, Table } from '../model';
import type { DocumentInfo } from '../snapshot';
import type { Book } from './grid';

/**
 * Every other budget table in the cells no 基础数据表 or 自评表 claimed (a document's narrative sheet left out),
 * read as an outline. A grid that cannot be read as one is left alone.
 */
export function locateBudget(book: Book, claimed: Table[], document: DocumentInfo | null): BudgetTable[] {
  void book;
  void claimed;
  void document;
  return [];
}
