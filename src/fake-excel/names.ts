/** Defined names of the workbook. */
import { api, CollectionObject, ProxyObject } from './base';
import type { FakeContext } from './context';
import { FakeApiError } from './errors';
import { absoluteRef } from './address';
import type { Range } from './range';

class NamedItem extends ProxyObject {
  static override readonly apiClass = 'NamedItem';
  constructor(
    ctx: FakeContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.ctx.doc.names.find((n) => n.name.toLowerCase() === this.key.toLowerCase()) ?? null;
  }
  protected read(prop: string): unknown {
    const n = this.target() as { name: string; ref: string } | null;
    return prop === 'name' ? n?.name : prop === 'formula' ? `=${n?.ref}` : prop === 'type' ? 'Range' : undefined;
  }
  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }
  get type(): string {
    return this.get('type');
  }
  delete(): void {
    this.ctx.enqueue(() => {
      this.ctx.doc.names = this.ctx.doc.names.filter((n) => n.name.toLowerCase() !== this.key.toLowerCase());
    });
  }
}

export class NamedItemCollection extends CollectionObject<NamedItem> {
  static override readonly apiClass = 'NamedItemCollection';
  protected itemClass = 'NamedItem' as const;
  protected current(): NamedItem[] {
    return this.ctx.doc.names.map((n) => api(new NamedItem(this.ctx, n.name)));
  }
  add(name: string, reference: Range | string): NamedItem {
    this.ctx.enqueue(() => {
      if (this.ctx.doc.names.some((n) => n.name.toLowerCase() === name.toLowerCase())) throw new FakeApiError('ItemAlreadyExists', `The name ${name} already exists.`);
      let ref: string;
      if (typeof reference === 'string') ref = reference.replace(/^=/, '');
      else {
        const t = reference.resolve();
        if (!t) throw new FakeApiError('InvalidReference', 'range not found');
        ref = absoluteRef(t.sheet.name, t.area);
      }
      this.ctx.doc.names.push({ name, ref });
    });
    return api(new NamedItem(this.ctx, name));
  }
  getItemOrNullObject(name: string): NamedItem {
    return api(new NamedItem(this.ctx, name));
  }
}
