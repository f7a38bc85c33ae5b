/**
 * A function of one string, remembered: labels and targets repeat across cells and across the files of a batch.
 * The cache is dropped whole when it reaches `max` entries, which bounds it on any input.
 */
export function memoized<T>(fn: (s: string) => T, max = 50000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s: string) => {
    const hit = cache.get(s);
    if (hit !== undefined || cache.has(s)) return hit as T;
    const out = fn(s);
    if (cache.size >= max) cache.clear();
    cache.set(s, out);
    return out;
  };
}
