/**
 * The request context: like Excel, it queues every read and write and runs them at context.sync(), counts syncs and
 * the bytes each sync returns, and fails the sync with `ApiNotFound` where a member above its ExcelApi level was used.
 */
import API_SETS from './api-sets.json';
import type { FakeWorkbook } from './workbook';
import { levelHas } from './levels';
import { apiNotFound } from './errors';
import { api } from './base';
import { Workbook } from './workbook-object';

export interface SyncStats {
  syncs: number;
  payloads: number[];
}

type Action = () => void | Promise<void>;
type MemberSets = { get: string; set?: string; type?: string };
export const CLASSES = API_SETS.classes as Record<string, Record<string, MemberSets>>;
export const NEWEST_API = API_SETS.newest;

export class FakeContext {
  readonly workbook: Workbook;
  private queue: Action[] = [];
  private sizes = 0;
  constructor(
    readonly doc: FakeWorkbook,
    readonly stats: SyncStats,
    readonly level: string,
  ) {
    this.workbook = api(new Workbook(this));
  }

  enqueue(a: Action): void {
    this.queue.push(a);
  }

  addPayload(value: unknown): void {
    this.sizes += JSON.stringify(value ?? null).length;
  }

  /** Queues Excel's ApiNotFound where a member above this Excel's level is used: the sync fails there. */
  require(cls: string, member: string, mode: 'get' | 'set'): void {
    const sets = CLASSES[cls]?.[member];
    if (!sets) return;
    const needed = mode === 'set' ? (sets.set ?? sets.get) : sets.get;
    if (!levelHas(this.level, needed)) {
      const error = apiNotFound(`Excel.${cls}.${member}`, needed, this.level);
      this.enqueue(() => {
        throw error;
      });
    }
  }

  /** Checks a load path such as `customOrNullObject/rule/formula` from a class, segment by segment. */
  requirePath(cls: string, path: string): void {
    let at: string | undefined = cls;
    for (const seg of path.split('/')) {
      if (!at) return;
      this.require(at, seg, 'get');
      at = CLASSES[at]?.[seg]?.type;
    }
  }

  /** Set by cell writes: Excel recalculates formulas after them. */
  dirty = false;

  async sync(): Promise<void> {
    const q = this.queue;
    this.queue = [];
    this.sizes = 0;
    this.stats.syncs++;
    try {
      for (const a of q) await a();
    } finally {
      this.stats.payloads.push(this.sizes);
      if (this.dirty) this.doc.recalculate();
      this.dirty = false;
    }
  }
}
