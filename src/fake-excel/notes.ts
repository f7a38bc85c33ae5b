/** Notes (ExcelApi 1.18), of the workbook or of one sheet. */
import { parseAreaA1 } from '../core/snapshot';
import type { FakeSheet } from './workbook';
import { api, CollectionObject, guardWrite, ProxyObject } from './base';
import type { FakeContext } from './context';
import { FakeApiError } from './errors';
import { Range } from './range';

type NoteTarget = { sheet: FakeSheet; key: string };

const noteKey = (cellAddress: string) => cellAddress.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();

export class NoteCollection extends CollectionObject<Note> {
  static override readonly apiClass = 'NoteCollection';
  protected itemClass = 'Note' as const;
  constructor(
    ctx: FakeContext,
    private readonly sheets: () => FakeSheet[],
  ) {
    super(ctx);
  }
  protected current(): Note[] {
    return this.sheets().flatMap((sheet) =>
      [...sheet.notes.keys()].map((key) => {
        return api(new Note(this.ctx, () => (sheet.notes.has(key) ? { sheet, key } : null)));
      }),
    );
  }
  private sheetFor(cellAddress: string): FakeSheet | null {
    const bang = cellAddress.lastIndexOf('!');
    const all = this.sheets();
    if (bang < 0) return all.length === 1 ? all[0] : null;
    return this.ctx.doc.sheet(cellAddress.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'")) ?? null;
  }
  add(cellAddress: string, content: string): Note {
    const key = noteKey(cellAddress);
    this.ctx.enqueue(() => {
      const s = this.sheetFor(cellAddress);
      if (!s) throw new FakeApiError('InvalidArgument', `No worksheet for the note at ${cellAddress}.`);
      guardWrite(s);
      if (s.notes.has(key)) throw new FakeApiError('InvalidArgument', 'A note already exists.');
      s.notes.set(key, content);
    });
    return this.getItemOrNullObject(cellAddress);
  }
  getItemOrNullObject(cellAddress: string): Note {
    const key = noteKey(cellAddress);
    return api(
      new Note(this.ctx, () => {
        const s = this.sheetFor(cellAddress);
        return s && s.notes.has(key) ? { sheet: s, key } : null;
      }),
    );
  }
}

class Note extends ProxyObject {
  static override readonly apiClass = 'Note';
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => NoteTarget | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    const t = this.resolve();
    return prop === 'content' && t ? t.sheet.notes.get(t.key) : undefined;
  }
  get content(): string {
    return this.get('content');
  }
  getLocation(): Range {
    return api(
      new Range(this.ctx, () => {
        const t = this.resolve();
        if (!t) throw new FakeApiError('ItemNotFound', 'note not found');
        return { sheet: t.sheet, area: parseAreaA1(t.key) };
      }),
    );
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (!t) throw new FakeApiError('ItemNotFound', 'note not found');
      guardWrite(t.sheet);
      t.sheet.notes.delete(t.key);
    });
  }
}
