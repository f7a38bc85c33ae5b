/**
 * The pane's side of the ribbon contract of wps/main.js: the ribbon and the pane are two pages that share only the
 * add-in's PluginStorage. A command the ribbon left (`jixiao_command`) is untrusted data like anything read from
 * storage: validated, run once by its number, ignored when older than a minute; the pane answers with the number it
 * handled and with what 写回 and 撤销 can do now (`jixiao_pane_state`), then asks the ribbon to look again.
 */
export type RibbonAction = 'check' | 'write' | 'undo';

export interface PluginStorage {
  getItem(key: string): unknown;
  setItem(key: string, value: string): unknown;
}

export const RIBBON_KEYS = { command: 'jixiao_command', done: 'jixiao_command_done', state: 'jixiao_pane_state' } as const;
/** The ribbon's buttons whose enabled state follows the pane's (ids of wps/ribbon.xml). */
export const RIBBON_CONTROLS = ['jixiaoWrite', 'jixiaoUndo'] as const;
export const COMMAND_MAX_AGE_MS = 60_000;
export const POLL_MS = 300;

const ACTIONS = new Set<RibbonAction>(['check', 'write', 'undo']);

/** A stored command, or null when the text is not one: JSON with a positive integer seq, a known action and a time. */
export function parseCommand(raw: unknown): { seq: number; action: RibbonAction; at: number } | null {
  if (typeof raw !== 'string' || raw.length > 200) return null;
  let v: unknown;
  try {
    v = JSON.parse(raw);
  } catch {
    return null;
  }
  if (!v || typeof v !== 'object') return null;
  const { seq, action, at } = v as Record<string, unknown>;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq <= 0) return null;
  if (typeof action !== 'string' || !ACTIONS.has(action as RibbonAction)) return null;
  if (typeof at !== 'number' || !Number.isFinite(at)) return null;
  return { seq, action: action as RibbonAction, at };
}

interface Clock {
  now(): number;
  every(ms: number, f: () => void): () => void;
}

const REAL_CLOCK: Clock = {
  now: () => Date.now(),
  every(ms, f) {
    const id = setInterval(f, ms);
    return () => clearInterval(id);
  },
};

/**
 * Runs each new ribbon command once. The command waiting when the pane opens counts (the ribbon opens the pane to
 * run it) unless it is stale; one already handled (its seq in `jixiao_command_done`) never runs again.
 */
export function listenRibbon(storage: PluginStorage, run: (a: RibbonAction) => void, clock: Clock = REAL_CLOCK): () => void {
  let doneRaw: unknown = null;
  try {
    doneRaw = storage.getItem(RIBBON_KEYS.done);
  } catch {
    // Storage gone (the add-in unloaded under the pane): nothing was handled, and polling finds nothing either.
  }
  let done = typeof doneRaw === 'string' && /^\d{1,15}$/.test(doneRaw) ? Number(doneRaw) : 0;
  const poll = () => {
    let c: ReturnType<typeof parseCommand>;
    try {
      c = parseCommand(storage.getItem(RIBBON_KEYS.command));
    } catch {
      return;
    }
    if (!c || c.seq === done) return;
    done = c.seq;
    try {
      storage.setItem(RIBBON_KEYS.done, String(c.seq));
    } catch {
      return;
    }
    const age = clock.now() - c.at;
    if (age < 0 || age > COMMAND_MAX_AGE_MS) return;
    run(c.action);
  };
  poll();
  return clock.every(POLL_MS, poll);
}

export interface RibbonState {
  ready: boolean;
  canWrite: boolean;
  canUndo: boolean;
}

/** Says what 写回 and 撤销 can do now and asks the ribbon to redraw them (where the build offers InvalidateControl). */
export function publishRibbonState(storage: PluginStorage, state: RibbonState, ribbon: { InvalidateControl?: (id: string) => unknown } | null | undefined): void {
  storage.setItem(RIBBON_KEYS.state, JSON.stringify(state));
  for (const id of RIBBON_CONTROLS) {
    try {
      ribbon?.InvalidateControl?.(id);
    } catch {
      // An older build without the call: the ribbon reads the state the next time it asks.
    }
  }
}
