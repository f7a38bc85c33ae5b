/** The strictness every object of the fake WPS model shares: unknown members throw, every use is counted. */

export interface WpsStats {
  /** Object-model calls: every member read, write or call, as each is one COM round trip in WPS. */
  calls: number;
  /** Of those, member writes and calls that change the document. */
  writes: number;
  /** Calls by `Class.Member`, for a test that wants to know which. */
  byMember: Map<string, number>;
}

export function newStats(): WpsStats {
  return { calls: 0, writes: 0, byMember: new Map() };
}

/** Members every JS object is probed for by the runtime (await, inspection): answered without counting. */
const PROBES = new Set(['then', 'toJSON', 'constructor', 'nodeType', 'asymmetricMatch', '$$typeof', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@', 'inspect']);

/**
 * Wraps an object of the model: reading or writing a member it does not have throws a TypeError naming it (as
 * WPS's bridge does for a member the build lacks); `in` answers honestly; every use counts as one call.
 */
export function strict<T extends object>(cls: string, obj: T, stats: WpsStats): T {
  const count = (member: string, write = false) => {
    stats.calls++;
    if (write) stats.writes++;
    const k = `${cls}.${member}`;
    stats.byMember.set(k, (stats.byMember.get(k) ?? 0) + 1);
  };
  return new Proxy(obj, {
    get(target, prop) {
      if (typeof prop !== 'string') return Reflect.get(target, prop);
      if (!(prop in target)) {
        if (PROBES.has(prop)) return undefined;
        throw new TypeError(`WPS ${cls} has no member '${prop}'`);
      }
      count(prop);
      return Reflect.get(target, prop);
    },
    set(target, prop, value) {
      if (typeof prop !== 'string' || !(prop in target)) throw new TypeError(`WPS ${cls} has no member '${String(prop)}'`);
      const d = Object.getOwnPropertyDescriptor(target, prop);
      if (d && !d.set && !d.writable) throw new TypeError(`WPS ${cls}.${prop} is read-only`);
      count(prop, true);
      return Reflect.set(target, prop, value);
    },
    apply(target, _this, args) {
      count('()');
      return Reflect.apply(target as unknown as (...a: unknown[]) => unknown, undefined, args);
    },
    defineProperty() {
      throw new TypeError(`WPS ${cls}: members cannot be added`);
    },
    deleteProperty(_t, prop) {
      throw new TypeError(`WPS ${cls}: member '${String(prop)}' cannot be deleted`);
    },
  });
}
