/**
 * The pane's side of the ribbon contract (src/host/wps/ribbon-link.ts) against wps/main.js itself: a click on 检查 in the
 * ribbon page reaches the pane once, a stale or forged command never does, and the pane's state decides whether the
 * ribbon enables 写回 and 撤销.
 */
import { readFileSync } from 'fs';
import path from 'path';
import vm from 'vm';
import { COMMAND_MAX_AGE_MS, listenRibbon, parseCommand, POLL_MS, publishRibbonState, RIBBON_KEYS, RibbonAction } from '../src/host/wps/ribbon-link';

function fakeClock(start = 1_000_000) {
  let now = start;
  const timers: Array<() => void> = [];
  return {
    now: () => now,
    every: (ms: number, f: () => void) => {
      expect(ms).toBe(POLL_MS);
      timers.push(f);
      return () => void timers.splice(timers.indexOf(f), 1);
    },
    tick(ms = POLL_MS) {
      now += ms;
      for (const f of [...timers]) f();
    },
    get running() {
      return timers.length;
    },
  };
}

function storage() {
  const store = new Map<string, string>();
  return { store, getItem: (k: string) => (store.has(k) ? store.get(k)! : null), setItem: (k: string, v: string) => void store.set(k, String(v)) };
}

/** wps/main.js in a sandbox sharing `s` as PluginStorage, its clock `clock`. */
function ribbonPage(s: ReturnType<typeof storage>, clock: { now(): number }) {
  const Application = { PluginStorage: s, CreateTaskPane: () => ({ ID: 1, Visible: false }), GetTaskPane: () => ({ ID: 1, Visible: true }) };
  const ctx = vm.createContext({ window: { Application, alert: () => undefined }, document: { location: { href: 'file:///a/index.html' } }, JSON, Math, Object, String, Date: { now: () => clock.now() } });
  vm.runInContext(readFileSync(path.join(__dirname, '..', 'wps', 'main.js'), 'utf8'), ctx);
  return (fn: string, id: string) => vm.runInContext(`${fn}(${JSON.stringify({ Id: id })})`, ctx) as unknown;
}

describe('ribbon commands reach the pane once', () => {
  it('runs 检查, 写回 and 撤销 clicked in the ribbon page, each once, in order', () => {
    const s = storage();
    const clock = fakeClock();
    const click = ribbonPage(s, clock);
    const ran: RibbonAction[] = [];
    const stop = listenRibbon(s, (a) => ran.push(a), clock);
    click('OnAction', 'jixiaoCheck');
    clock.tick();
    clock.tick();
    click('OnAction', 'jixiaoWrite');
    clock.tick();
    click('OnAction', 'jixiaoUndo');
    clock.tick();
    expect(ran).toEqual(['check', 'write', 'undo']);
    stop();
    expect(clock.running).toBe(0);
  });

  it('runs the command that opened the pane, but not one a closed pane already ran, nor a stale one', () => {
    const s = storage();
    const clock = fakeClock();
    const click = ribbonPage(s, clock);
    click('OnAction', 'jixiaoCheck');
    const first: RibbonAction[] = [];
    listenRibbon(s, (a) => first.push(a), clock)();
    expect(first).toEqual(['check']);
    // The pane is closed and opened again: the command it handled stays handled.
    const again: RibbonAction[] = [];
    listenRibbon(s, (a) => again.push(a), clock)();
    expect(again).toEqual([]);
    // A command left a minute ago (by a pane that was never opened) is not run by a pane opened now.
    click('OnAction', 'jixiaoWrite');
    clock.tick(COMMAND_MAX_AGE_MS + 1);
    const late: RibbonAction[] = [];
    listenRibbon(s, (a) => late.push(a), clock)();
    expect(late).toEqual([]);
  });

  it('treats what storage holds as untrusted: a forged or malformed command is never obeyed', () => {
    for (const raw of ['', 'null', '[]', '{"seq":1,"action":"delete","at":0}', '{"seq":-1,"action":"check","at":0}', '{"seq":1.5,"action":"check","at":0}', '{"seq":1e300,"action":"check","at":0}', '{"seq":1,"action":"check"}', '{"seq":1,"action":"__proto__","at":0}', `{"seq":1,"action":"check","at":0,"x":"${'a'.repeat(500)}"}`, '{not json'])
      expect(parseCommand(raw)).toBeNull();
    expect(parseCommand(42)).toBeNull();
    expect(parseCommand('{"seq":3,"action":"undo","at":5}')).toEqual({ seq: 3, action: 'undo', at: 5 });
    const s = storage();
    const clock = fakeClock();
    s.setItem(RIBBON_KEYS.command, '{"seq":7,"action":"format-disk","at":1000000}');
    s.setItem(RIBBON_KEYS.done, 'NaN; drop');
    const ran: RibbonAction[] = [];
    listenRibbon(s, (a) => ran.push(a), clock);
    clock.tick();
    expect(ran).toEqual([]);
    // A storage that throws (the pane outliving its add-in) stops nothing and runs nothing.
    const broken = { getItem: () => { throw new Error('gone'); }, setItem: () => undefined };
    expect(() => listenRibbon(broken, (a) => ran.push(a), clock)).not.toThrow();
    expect(ran).toEqual([]);
  });
});

describe('the pane tells the ribbon what 写回 and 撤销 can do', () => {
  it('disables 写回 in the ribbon when the pane has nothing to write, and redraws both buttons', () => {
    const s = storage();
    const clock = fakeClock();
    const ask = ribbonPage(s, clock);
    const redrawn: string[] = [];
    expect(ask('OnGetEnabled', 'jixiaoWrite')).toBe(true);
    ask('OnAction', 'jixiaoPane'); // the pane is open: its state counts
    publishRibbonState(s, { ready: true, canWrite: false, canUndo: true }, { InvalidateControl: (id) => redrawn.push(id) });
    expect(ask('OnGetEnabled', 'jixiaoWrite')).toBe(false);
    expect(ask('OnGetEnabled', 'jixiaoUndo')).toBe(true);
    expect(redrawn).toEqual(['jixiaoWrite', 'jixiaoUndo']);
    // A build without InvalidateControl, or one that throws, still gets the state.
    expect(() => publishRibbonState(s, { ready: true, canWrite: true, canUndo: false }, { InvalidateControl: () => { throw new Error('old build'); } })).not.toThrow();
    publishRibbonState(s, { ready: true, canWrite: true, canUndo: false }, null);
    expect(ask('OnGetEnabled', 'jixiaoUndo')).toBe(false);
  });
});
