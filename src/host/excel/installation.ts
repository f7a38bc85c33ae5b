/**
 * This installation's random id, kept in the add-in's own local storage (never in a workbook): undo records are
 * bound to it, so that a record carried in by a received workbook is never executed. Where storage is unavailable
 * the id lasts for this session only.
 */
const KEY = 'jixiao.installation';
let fallback: string | null = null;

function fresh(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}

export function installationId(storage: Pick<Storage, 'getItem' | 'setItem'> | null = globalThis.localStorage ?? null): string {
  try {
    const saved = storage?.getItem(KEY);
    if (saved && /^[0-9a-f]{32}$/.test(saved)) return saved;
    const id = fresh();
    storage?.setItem(KEY, id);
    if (storage?.getItem(KEY) === id) return id;
  } catch {
    // storage refused (private mode, policy): an id for this session
  }
  return (fallback ??= fresh());
}
