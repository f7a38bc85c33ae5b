import { Converter } from 'opencc-js/t2cn';

/**
 * Traditional characters to simplified (OpenCC's table). Forms are filed in simplified Chinese, but pages mirrored
 * through converters and some offices' own templates print 產出指標 / 年度資金總額; labels and targets are matched
 * after this fold, while messages keep the text as written.
 */
const NON_ASCII = /[\u0080-\uffff]/;

let convert: ((s: string) => string) | null = null;

// Labels repeat across cells and files; a small cache keeps the conversion off the hot path.
const cache = new Map<string, string>();

export function simplified(s: string): string {
  if (!s || !NON_ASCII.test(s)) return s;
  const hit = cache.get(s);
  if (hit !== undefined) return hit;
  convert ??= Converter({ from: 't', to: 'cn' });
  const out = convert(s);
  if (cache.size > 50000) cache.clear();
  cache.set(s, out);
  return out;
}
