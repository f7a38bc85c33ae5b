/** What every object the fake hands out is built on: the requirement-set check, queued loads, collections. */
import type { FakeClass } from './classes';
import type { FakeContext } from './context';
import { FakeApiError } from './errors';
import type { FakeSheet } from './workbook';


/** Every object the fake hands out goes through here: each member the caller touches is checked against the level. */
export abstract class ApiObject {
  static readonly apiClass: FakeClass;
  constructor(readonly ctx: FakeContext) {}
}

export function api<T extends ApiObject>(obj: T): T {
  const cls = (obj.constructor as typeof ApiObject).apiClass;
  const ctx = obj.ctx;
  const proxy: T = new Proxy(obj, {
    get(target, prop) {
      if (typeof prop === 'string') ctx.require(cls, prop, 'get');
      const v = Reflect.get(target, prop, target);
      if (typeof v !== 'function' || prop === 'constructor') return v;
      return (...args: unknown[]) => {
        const r = (v as (...a: unknown[]) => unknown).apply(target, args);
        return r === target ? proxy : r;
      };
    },
    set(target, prop, value) {
      if (typeof prop === 'string') ctx.require(cls, prop, 'set');
      return Reflect.set(target, prop, value, target);
    },
  });
  return proxy;
}

/** A load argument (`'a,b'`, `['a']`, or load options `{ a: true, b: { c: true } }`) as paths `a`, `b/c`. */
export function loadPaths(props?: string | string[] | Record<string, unknown>): string[] {
  if (!props) return [];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props;
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
      else if (v) out.push(`${prefix}${k}`);
    }
  };
  walk(props, '');
  return out;
}

/** Base of every proxy: loads are queued and land at sync; reading before that throws, as in Excel. */
export abstract class ProxyObject extends ApiObject {
  protected loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  /** The document object this proxy stands for, or null (a null object). */
  protected abstract target(): unknown;
  protected abstract read(prop: string): unknown;

  load(props?: string | string[] | Record<string, unknown>): this {
    const list = loadPaths(props);
    const cls = (this.constructor as typeof ApiObject).apiClass;
    for (const p of list) this.ctx.requirePath(cls, p);
    this.ctx.enqueue(() => {
      const exists = this.target() !== null && this.target() !== undefined;
      this.nullState = !exists;
      for (const p of list) {
        const v = exists ? this.read(p) : null;
        this.loaded.set(p, v);
        this.ctx.addPayload(v);
      }
    });
    return this;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw new FakeApiError('PropertyNotLoaded', 'isNullObject read before context.sync()');
    return this.nullState;
  }

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw new FakeApiError('PropertyNotLoaded', `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(prop) as T;
  }

  /** What a collection's load gave an item, as if the item had been loaded itself. */
  preload(prop: string, v: unknown, isNull = false): void {
    this.loaded.set(prop, v);
    this.nullState = isNull;
  }

  /** At sync: a collection's load lands on this item. */
  landLoad(paths: string[]): void {
    const exists = this.target() !== null && this.target() !== undefined;
    this.nullState = !exists;
    for (const p of paths) {
      const v = exists ? this.read(p) : null;
      this.loaded.set(p, v);
      this.ctx.addPayload(v);
    }
  }
}

/** A collection: `load('items/name')` (or load options for its items) lists the items, each with those properties. */
export abstract class CollectionObject<T extends ProxyObject> extends ProxyObject {
  private list: T[] | null = null;
  protected abstract itemClass: FakeClass;
  /** The collection's current items (proxies resolving to them), to fill at sync. */
  protected abstract current(): T[];

  override load(props?: string | string[] | Record<string, unknown>): this {
    const paths = loadPaths(props).map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    for (const p of paths) this.ctx.requirePath(this.itemClass, p);
    this.ctx.enqueue(() => {
      this.list = this.current();
      for (const item of this.list) item.landLoad(paths);
    });
    return this;
  }

  protected target(): unknown {
    return this.list;
  }

  protected read(): unknown {
    return undefined;
  }

  get items(): T[] {
    if (!this.list) throw new FakeApiError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.list;
  }
}

export class ClientResult<T> {
  private set = false;
  private v: T | undefined;
  resolve(v: T): void {
    this.v = v;
    this.set = true;
  }
  get value(): T {
    if (!this.set) throw new FakeApiError('PropertyNotLoaded', 'ClientResult.value read before context.sync()');
    return this.v as T;
  }
}

/** As Excel, with a sheet protected the default way: no cell, format, conditional format or note changes. */
export function guardWrite(sheet: FakeSheet): void {
  if (sheet.protected) throw new FakeApiError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet (${sheet.name}).`);
}
