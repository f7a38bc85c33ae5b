/** Custom XML parts, by namespace. */
import type { FakePart } from './workbook';
import { api, ApiObject, ClientResult, CollectionObject, ProxyObject } from './base';
import type { FakeContext } from './context';
import { FakeApiError } from './errors';

export class CustomXmlPartCollection extends ApiObject {
  static override readonly apiClass = 'CustomXmlPartCollection';
  add(xml: string): CustomXmlPart {
    let id: string | null = null;
    this.ctx.enqueue(() => {
      const ns = /xmlns="([^"]+)"/.exec(xml)?.[1] ?? '';
      id = this.ctx.doc.newId('{XML-');
      this.ctx.doc.parts.set(id, { id, namespace: ns, xml });
    });
    return api(new CustomXmlPart(this.ctx, () => (id ? (this.ctx.doc.parts.get(id) ?? null) : null)));
  }
  getByNamespace(ns: string): CustomXmlPartScopedCollection {
    return api(new CustomXmlPartScopedCollection(this.ctx, ns));
  }
}

class CustomXmlPartScopedCollection extends CollectionObject<CustomXmlPart> {
  static override readonly apiClass = 'CustomXmlPartScopedCollection';
  protected itemClass = 'CustomXmlPart' as const;
  constructor(
    ctx: FakeContext,
    private readonly ns: string,
  ) {
    super(ctx);
  }
  protected current(): CustomXmlPart[] {
    return [...this.ctx.doc.parts.values()].filter((p) => p.namespace === this.ns).map((p) => api(new CustomXmlPart(this.ctx, () => this.ctx.doc.parts.get(p.id) ?? null)));
  }
  getOnlyItemOrNullObject(): CustomXmlPart {
    return api(
      new CustomXmlPart(this.ctx, () => {
        const hits = [...this.ctx.doc.parts.values()].filter((p) => p.namespace === this.ns);
        return hits.length === 1 ? hits[0] : null;
      }),
    );
  }
}

class CustomXmlPart extends ProxyObject {
  static override readonly apiClass = 'CustomXmlPart';
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => FakePart | null,
  ) {
    super(ctx);
  }
  protected target(): unknown {
    return this.resolve();
  }
  protected read(prop: string): unknown {
    return prop === 'id' ? this.resolve()?.id : undefined;
  }
  get id(): string {
    return this.get('id');
  }
  getXml(): ClientResult<string> {
    const r = new ClientResult<string>();
    this.ctx.enqueue(() => {
      const p = this.resolve();
      if (!p) throw new FakeApiError('ItemNotFound', 'custom XML part not found');
      r.resolve(p.xml);
      this.ctx.addPayload(p.xml);
    });
    return r;
  }
  setXml(xml: string): void {
    this.ctx.enqueue(() => {
      const p = this.resolve();
      if (!p) throw new FakeApiError('ItemNotFound', 'custom XML part not found');
      p.xml = xml;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const p = this.resolve();
      if (p) this.ctx.doc.parts.delete(p.id);
    });
  }
}
