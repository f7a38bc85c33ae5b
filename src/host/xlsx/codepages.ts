/**
 * The codepages a legacy .xls may store text in, decoded by the platform's TextDecoder (WHATWG Encoding: Node with
 * its ICU, and every browser) for SheetJS's core build, instead of its 500 KB codepage tables, which took longer to
 * load than a workbook takes to check. SheetJS names UTF-8 and UTF-7 also -535 and -536.
 */
const LABELS: Record<number, string> = {
  1200: 'utf-16le',
  1201: 'utf-16be',
  65001: 'utf-8',
  [-535]: 'utf-8',
  936: 'gbk',
  950: 'big5',
  932: 'shift_jis',
  949: 'euc-kr',
  874: 'windows-874',
  10000: 'macintosh',
  20127: 'us-ascii',
  28591: 'iso-8859-1',
  54936: 'gb18030',
};

const decoders = new Map<number, TextDecoder>();

function decoder(cp: number): TextDecoder {
  let d = decoders.get(cp);
  if (!d) {
    const label = LABELS[cp] ?? (cp >= 1250 && cp <= 1258 ? `windows-${cp}` : null);
    if (!label) throw new Error(`Unsupported codepage ${cp}`);
    d = new TextDecoder(label);
    decoders.set(cp, d);
  }
  return d;
}

function bytes(data: ArrayLike<number> | string): Uint8Array {
  if (typeof data === 'string') return Uint8Array.from(data, (c) => c.charCodeAt(0));
  return data instanceof Uint8Array ? data : Uint8Array.from(data);
}

/** The `cptable` shape SheetJS's `set_cptable` takes: decoding only (the host writes .xlsx, never .xls). */
export const WEB_CODEPAGES = {
  utils: {
    decode: (cp: number, data: ArrayLike<number> | string): string => decoder(cp).decode(bytes(data)),
    encode: (cp: number): never => {
      throw new Error(`Writing codepage ${cp} is not supported`);
    },
  },
};
