/** ExcelApi versions: `1.13` is newer than `1.9`. A set that is not a numbered ExcelApi one sorts after them all. */
const VERSION = /^\d+\.\d+$/;

export function compareVersions(a: string, b: string): number {
  const va = VERSION.test(a);
  const vb = VERSION.test(b);
  if (!va || !vb) return va === vb ? a.localeCompare(b) : va ? -1 : 1;
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

export function isApiVersion(v: string): boolean {
  return VERSION.test(v);
}

/** Whether a host at ExcelApi `level` has a member that needs `needed` (a numbered version, or a set's name). */
export function levelHas(level: string, needed: string): boolean {
  return isApiVersion(needed) && compareVersions(needed, level) <= 0;
}
