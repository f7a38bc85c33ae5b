import { Converter } from 'opencc-js/t2cn';
import { memoized } from './memo';

/**
 * Traditional characters to simplified (OpenCC's table). Forms are filed in simplified Chinese, but pages mirrored
 * through converters and some offices' own templates print 產出指標 / 年度資金總額; labels and targets are matched
 * after this fold, while messages keep the text as written.
 */
const NON_ASCII = /[\u0080-\uffff]/;

let convert: ((s: string) => string) | null = null;

const convertOnce = memoized((s: string) => (convert ??= Converter({ from: 't', to: 'cn' }))(s));

export function simplified(s: string): string {
  return !s || !NON_ASCII.test(s) ? s : convertOnce(s);
}
