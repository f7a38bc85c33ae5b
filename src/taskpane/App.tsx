import * as React from 'react';
import { Body1, Button, Card, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../core/check';
import { a1, parseAreaA1 } from '../core/snapshot';
import type { CellWrite, FindingFix, WritePlan } from '../core/plan';
import type { Finding, Severity } from '../core/rules/types';
import { t } from './i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { FindingList, SummaryCard } from './Findings';
import { PlanPreview, UndoPreview } from './PlanPreview';
import { PaneTab, PaneTabs, TAB_LABEL, isPaneTab } from './PaneTabs';
import type { YearOptions } from './panels';

// The pages behind the other tabs load when first opened, keeping the pane's first load small.
const ReviewPanel = React.lazy(() => import(/* webpackChunkName: "pages" */ './panels').then((m) => ({ default: m.ReviewPanel })));
const YearPanel = React.lazy(() => import(/* webpackChunkName: "pages" */ './panels').then((m) => ({ default: m.YearPanel })));
const SettingsPanel = React.lazy(() => import(/* webpackChunkName: "pages" */ './panels').then((m) => ({ default: m.SettingsPanel })));
const Bindings = React.lazy(() => import(/* webpackChunkName: "pages" */ './Bindings').then((m) => ({ default: m.Bindings })));
import { saidAsIs, type PaneHost } from './host';
import { readReviewMode, saveReviewMode } from './review-mode';

type Engine = typeof import('./engine');
let enginePromise: Promise<Engine> | null = null;
const loadEngine = () => (enginePromise ??= import(/* webpackChunkName: "engine" */ './engine'));

/** Lets the pane paint a step's status before the step runs (a frame, or 50 ms where frames are paused). */
const paint = () => new Promise<void>((done) => {
  const timer = setTimeout(done, 50);
  requestAnimationFrame(() => setTimeout(() => (clearTimeout(timer), done()), 0));
});
const STEP_TEXT = { read: 'readingSheets', check: 'checkingSheets', mark: 'markingCells' } as const;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    padding: '0 12px 12px',
    minHeight: '100vh',
    boxSizing: 'border-box',
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    display: 'flex',
    flexWrap: 'wrap',
    gap: '8px',
    alignItems: 'center',
    padding: '10px 0 6px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  headerButton: { minWidth: '64px' },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', margin: '-1px' },
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  empty: { display: 'flex', flexDirection: 'column', gap: '8px', padding: '12px' },
  wrap: { whiteSpace: 'normal', height: 'auto', minWidth: 0, maxWidth: '100%' },
});

interface UndoView {
  id: string;
  changes: Array<{ sheet: string; cell: string; now: string; restore: string }>;
  skipped: string[];
  foreign: number;
}

interface Message {
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
  action?: { label: string; run(): void };
  /** A second choice (取消 beside 替换). */
  other?: { label: string; run(): void };
}

export function App({ host }: { host: PaneHost }): React.ReactElement {
  const s = useStyles();
  const { lang, features } = host;
  const [busy, setBusy] = React.useState<string | null>(null);
  const [stale, setStale] = React.useState(false);
  const [undoing, setUndoing] = React.useState<UndoView | null>(null);
  // Edits Excel reports while the pane itself writes (or just after) are the pane's own.
  const ownUntil = React.useRef(0);
  const quiet = React.useRef<ReturnType<typeof setTimeout> | null>(null);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [protectedSheets, setProtectedSheets] = React.useState<string[]>([]);
  const [filter, setFilter] = React.useState<Severity | null>(null);
  // 审核模式 belongs to this installation, never to the workbook (review-mode.ts).
  const [reviewer, setReviewer] = React.useState(readReviewMode);
  // A profile chosen in 审核模式 stays in the pane: saving it would write into the workbook.
  const paneProfile = React.useRef<string | null>(null);
  const [profileId, setProfileId] = React.useState('mof-2020');
  const [fullPlan, setFullPlan] = React.useState<WritePlan | null>(null);
  const [plan, setPlan] = React.useState<WritePlan | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [engine, setEngine] = React.useState<Engine | null>(null);
  const [tab, setTab] = React.useState<PaneTab>('results');
  // Never the calendar's year: the workbook's own, read when the pane opens (undefined while reading).
  const [year, setYear] = React.useState<YearOptions>({ year: '', newBook: false, project: false });
  const [yearEdited, setYearEdited] = React.useState(false);
  // Where the focus goes next: the first finding after 检查, 写回 once its preview is applied or cancelled.
  const [focusFirst, setFocusFirst] = React.useState(false);
  const [focusWrite, setFocusWrite] = React.useState(false);
  // Once the pane is idle again, a focus that fell to the page body goes back to where the action started, or to the
  // open page's tab when that control is gone (a confirm button whose preview closed). Undefined: no action pending.
  const afterAction = React.useRef<HTMLElement | null | undefined>(undefined);
  const writeButton = React.useRef<HTMLButtonElement>(null);
  const [fromYear, setFromYear] = React.useState<number | null | undefined>(undefined);
  const knowYear = (y: number | null) => {
    setFromYear(y);
    if (!yearEdited) setYear((v) => ({ ...v, year: y ? String(y + 1) : v.year }));
  };

  // The pane opens on the tab the person left it on (kept in the workbook, except in 审核模式).
  const [ready, setReady] = React.useState(false);
  // Edits anywhere in the workbook are heard from the start (one sync), so results can say they are out of date.
  const edited = React.useRef<(address: string) => void>(() => undefined);
  // The cells the pane itself last wrote: Excel reports those edits too, possibly after the write has returned.
  const ownCells = React.useRef(new Set<string>());
  const ownEdit = (address: string) => {
    try {
      const a = parseAreaA1(address.replace(/^.*!/, '').replace(/\$/g, ''));
      if ((a.bottom - a.top + 1) * (a.right - a.left + 1) > 10_000) return false;
      for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) if (!ownCells.current.has(a1(r, c))) return false;
      return true;
    } catch {
      return false;
    }
  };
  React.useEffect(() => {
    const tab = host.readPaneTab()
      .then((saved) => isPaneTab(saved) && setTab(saved))
      .catch(() => undefined);
    const watch = host.watchChanges((a) => edited.current(a)).catch(() => null);
    Promise.all([tab, watch]).finally(() => setReady(true));
    // The workbook's year, read only (no marks, nothing written), for 新年度 before any check.
    void loadEngine()
      .then((eng) => host.readWorkbookYear(eng.defaultProfile()))
      .then((y) => {
        setFromYear((known) => (known === undefined ? y : known));
        if (y) setYear((v) => (v.year ? v : { ...v, year: String(y + 1) }));
      })
      .catch(() => setFromYear((known) => (known === undefined ? null : known)));
    return () => void watch.then((stop) => stop?.());
  }, [host]);

  const selectTab = (next: PaneTab) => {
    setTab(next);
    if (!reviewer) host.savePaneTab(next).catch(() => undefined);
  };

  const switchReviewer = (on: boolean) => {
    setReviewer(on);
    saveReviewMode(on);
    setMessage(on && result ? { intent: 'info', text: t(lang, 'reviewerStarted') } : null);
  };

  const guard = async (label: string, fn: () => Promise<void>) => {
    ownUntil.current = Number.POSITIVE_INFINITY;
    // The control the action came from: where the focus returns if the action leaves it nowhere (disabled while busy).
    afterAction.current = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    setBusy(label);
    setMessage(null);
    try {
      await fn();
    } catch (e) {
      const refused = saidAsIs(e);
      setMessage({
        intent: 'error',
        text: `${t(lang, 'failed', { msg: e instanceof Error ? e.message : String(e) })}${refused ? '' : ` ${t(lang, 'retryHint')}`}`,
        action: refused ? undefined : { label: t(lang, 'check'), run: () => void runCheck() },
      });
    } finally {
      ownUntil.current = 0;
      setBusy(null);
    }
  };

  const showStep = (step: keyof typeof STEP_TEXT, n: number) => {
    setBusy(t(lang, STEP_TEXT[step], { n }));
    return paint();
  };

  const runCheck = (id = profileId, after?: Message | ((r: CheckResult) => Message)) =>
    guard(t(lang, 'loadingEngine'), async () => {
      const eng = await loadEngine();
      setEngine(eng);
      setBusy(t(lang, 'reading'));
      const profile = eng.builtInProfile(id) ?? eng.defaultProfile();
      const r = await host.check({ profile, lang, mark: !reviewer, keepProfile: reviewer && paneProfile.current === id, progress: showStep });
      if (r.profile.id !== id) setProfileId(r.profile.id);
      setResult(r.result);
      setProtectedSheets(r.protectedSheets);
      setFullPlan(eng.planFor(r.result, r.profile));
      setPlan(null);
      knowYear(r.result.info.find((i) => i.kind === 'basic' && i.year)?.year ?? r.result.info.find((i) => i.year)?.year ?? null);
      setStale(false);
      setUndoing(null);
      if (after) setMessage(typeof after === 'function' ? after(r.result) : after);
      else if (reviewer && r.markedBefore) setMessage({ intent: 'info', text: t(lang, 'marksKept') });
      else if (!reviewer && !features.notes && r.result.findings.some((f) => f.ref)) setMessage({ intent: 'info', text: t(lang, 'notesMissing') });
    });

  React.useEffect(() => {
    if (busy !== null || afterAction.current === undefined) return;
    const from = afterAction.current;
    afterAction.current = undefined;
    const lost = () => !document.activeElement || document.activeElement === document.body;
    requestAnimationFrame(() => {
      if (!lost()) return;
      const back = from && from.isConnected && !(from as HTMLButtonElement).disabled ? from : document.querySelector<HTMLElement>(`[data-testid="tab-${tab}"]`) ?? document.querySelector<HTMLElement>('[data-testid="check"]');
      back?.focus();
    });
  }, [busy, tab]);
  React.useEffect(() => {
    if (!focusWrite || plan || busy !== null) return;
    setFocusWrite(false);
    writeButton.current?.focus();
  }, [focusWrite, plan, busy]);
  const onFocused = React.useCallback(() => setFocusFirst(false), []);
  // 已说明: kept in the workbook, and shown at once without checking again.
  const explain = (f: Finding, reason: string | null) =>
    guard('', async () => {
      const eng = await loadEngine();
      await host.saveExplanation(f, reason);
      const text = eng.reasonText(reason);
      setResult((r) => r && { ...r, findings: r.findings.map((x) => (x === f ? { ...x, explained: text || undefined } : x)) });
    });

  const select = (f: Finding) => {
    if (!f.ref) return;
    void guard('', () => host.selectCell(f.sheet, f.cell));
  };

  // After an edit the results are out of date: 写回 asks for a new check, and the pane re-checks quietly once the
  // person stops typing (not while a preview is open, whose writes are checked against the cells anyway).
  const onEdited = (address: string) => {
    if (Date.now() < ownUntil.current || ownEdit(address)) return;
    setStale(true);
    if (quiet.current) clearTimeout(quiet.current);
    quiet.current = setTimeout(() => quietCheck.current(), 2000);
  };
  edited.current = onEdited;
  const quietCheck = React.useRef(() => undefined as unknown);
  quietCheck.current = () => {
    if (!busy && !plan && !undoing && stale) void runCheck();
  };

  const preparePlan = () => {
    setMessage(null);
    if (stale) setMessage({ intent: 'warning', text: t(lang, 'staleWrite'), action: { label: t(lang, 'check'), run: () => void runCheck() } });
    else if (!fullPlan?.writes.length) setMessage({ intent: 'info', text: t(lang, 'nothingToWrite') });
    else setPlan(fullPlan);
  };

  /** What a write-back did, said truthfully after the re-check: resolved, still there, new, and the cells skipped. */
  const outcome = (before: Finding[], targets: Finding[], out: { written: string[]; skipped: string[] }) => (r: CheckResult): Message => {
    const id = (f: Finding) => `${f.rule}|${f.sheet}|${f.cell}|${f.table}`;
    const now = new Set(r.findings.map(id));
    const was = new Set(before.map(id));
    const resolved = before.filter((f) => !now.has(id(f)));
    const remain = targets.filter((f) => now.has(id(f)));
    const fresh = r.findings.filter((f) => !was.has(id(f)));
    const appeared = fresh.filter((f) => f.severity !== 'info');
    const hints = fresh.length - appeared.length;
    const where = (fs: Finding[]) => fs.map((f) => (f.ref ? `${f.cell} ${f.message}` : f.message)).join('；');
    const parts = [out.written.length ? t(lang, 'writeOutcome', { n: out.written.length }) : t(lang, 'nothingWritten')];
    if (resolved.length) parts.push(t(lang, 'resolvedN', { n: resolved.length }));
    if (remain.length) parts.push(t(lang, 'remainN', { n: remain.length, list: where(remain) }));
    if (appeared.length) parts.push(t(lang, 'appearedN', { n: appeared.length, list: where(appeared) }));
    if (hints) parts.push(t(lang, 'appearedHints', { n: hints }));
    if (out.skipped.length) parts.push(t(lang, 'skippedCells', { cells: out.skipped.join('、') }));
    const clean = out.written.length && !remain.length && !appeared.length && !out.skipped.length;
    return { intent: clean ? 'success' : 'warning', text: parts.join(' ') };
  };

  const write = (writes: CellWrite[], targets: Finding[]) =>
    guard(t(lang, 'writeBack'), async () => {
      const eng = await loadEngine();
      const before = result?.findings ?? [];
      const keys = new Set(writes.map((w) => `${w.sheet}!${w.cell}`));
      const aimed = targets.length ? targets : before.filter((f) => keys.has(`${f.sheet}!${f.cell}`) && eng.fixFor(result!, fullPlan!, f));
      const out = await host.write(writes);
      ownCells.current = new Set(out.written.map((k) => k.slice(k.lastIndexOf('!') + 1)));
      setPlan(null);
      await runCheck(profileId, outcome(before, aimed, out));
    });
  const fixOne = (fix: FindingFix, f: Finding) => write(fix.writes, [f]);

  const undo = () =>
    guard(t(lang, 'undo'), async () => {
      const eng = await loadEngine();
      const p = await host.undoPreview();
      const show = (st: { formula: string; value: unknown }) => eng.describeState(st as Parameters<Engine['describeState']>[0]);
      if (p.record) setUndoing({ id: p.record.id, changes: p.changes.map((c) => ({ sheet: c.sheet, cell: c.cell, now: show(c.now), restore: show(c.restore) })), skipped: p.skipped, foreign: p.foreign });
      else if (p.foreign) setMessage({ intent: 'warning', text: t(lang, 'foreignUndo', { n: p.foreign }), action: { label: t(lang, 'dropForeign'), run: () => void dropForeign() } });
      else setMessage({ intent: 'info', text: t(lang, 'nothingToUndo') });
    });
  const confirmUndo = (id: string) =>
    guard(t(lang, 'undo'), async () => {
      const done = await host.undo(id);
      ownCells.current = new Set(done.restored.map((k) => k.slice(k.lastIndexOf('!') + 1)));
      setUndoing(null);
      const text = done.skipped.length ? t(lang, 'undoneSkipped', { n: done.restored.length, cells: done.skipped.join('、') }) : t(lang, 'undone', { n: done.restored.length });
      await runCheck(profileId, { intent: done.skipped.length ? 'warning' : 'info', text });
    });
  // The host's ribbon (WPS): 检查 checks; 写回 opens the same preview as the pane's button (or checks first); 撤销 shows
  // the cells it would restore. Nothing is written without the person's confirmation in the pane.
  const ribbon = React.useRef<(a: 'check' | 'write' | 'undo') => void>(() => undefined);
  ribbon.current = (a) => {
    if (busy !== null) return;
    if (a === 'check' || (a === 'write' && !result)) void runCheck();
    else if (a === 'write') preparePlan();
    else void undo();
  };
  React.useEffect(() => host.onRibbonCommand?.((a) => ribbon.current(a)), [host]);
  React.useEffect(() => {
    host.setRibbonState?.({ ready: busy === null, canWrite: !result || !!fullPlan?.writes.length, canUndo: true });
  }, [host, busy, result, fullPlan]);
  const dropForeign = () =>
    guard(t(lang, 'undo'), async () => {
      const n = await host.dropForeignUndo();
      setUndoing((u) => (u ? { ...u, foreign: 0 } : u));
      setMessage({ intent: 'info', text: t(lang, 'droppedForeign', { n }) });
    });

  const clear = () =>
    guard(t(lang, 'clearMarks'), async () => {
      const left = await host.clearMarks();
      setMessage({ intent: 'info', text: left.length ? t(lang, 'clearedExcept', { sheets: left.join('、') }) : t(lang, 'cleared') });
    });

  const writeReview = (replace: string | null) =>
    guard(t(lang, 'reviewSheet'), async () => {
      if (!result) return;
      const name = await host.addReviewSheet(result.findings, lang, replace);
      setMessage({ intent: 'success', text: t(lang, replace ? 'reviewReplaced' : 'reviewAdded', { name }) });
    });
  const addReview = () =>
    guard(t(lang, reviewer ? 'copyMaking' : 'reviewSheet'), async () => {
      if (!result) return;
      const eng = await loadEngine();
      if (!reviewer) {
        // A second 生成审核意见 replaces the add-in's own earlier sheet, once the person says so.
        const earlier = await host.findReviewSheet();
        if (earlier)
          setMessage({
            intent: 'warning',
            text: t(lang, 'reviewReplaceAsk', { name: earlier }),
            action: { label: t(lang, 'replaceSheet'), run: () => void writeReview(earlier) },
            other: { label: t(lang, 'cancel'), run: () => setMessage(null) },
          });
        else await writeReview(null);
        return;
      }
      try {
        await host.openAnnotatedCopy(eng.builtInProfile(result.profile) ?? eng.defaultProfile(), lang);
        setMessage({ intent: 'success', text: t(lang, 'copyOpened') });
      } catch (e) {
        if (!(e instanceof eng.FileUnavailable)) throw e;
        setMessage({ intent: 'error', text: e.message ? t(lang, 'noFileAccess', { msg: e.message }) : t(lang, 'noFileApi') });
      }
    });

  const runBatch = (files: File[]) =>
    guard(t(lang, 'batchReading', { n: 1, total: files.length }), async () => {
      const eng = await loadEngine();
      const profile = eng.builtInProfile(profileId) ?? eng.defaultProfile();
      const entries = await eng.batchEntries(files, profile, lang, (n) => setBusy(t(lang, 'batchReading', { n: Math.min(n + 1, files.length), total: files.length })));
      if (reviewer) {
        await host.openBatchReport(entries, lang);
        setMessage({ intent: 'success', text: t(lang, 'batchOpened', { total: files.length }) });
        return;
      }
      const sheets = await host.addBatchSheets(entries, lang);
      setMessage({ intent: 'success', text: t(lang, 'batchDone', { total: files.length, sheets: sheets.join('、') }) });
    });

  const makeYear = (roll: boolean) =>
    guard(t(lang, 'newYear'), async () => {
      const eng = await loadEngine();
      const names = await host.newYearTemplate({
        year: Number(year.year),
        roll,
        layout: year.project ? 'project' : 'dept',
        target: year.newBook || !features.insertSheets ? 'workbook' : 'sheets',
        profile: eng.builtInProfile(profileId) ?? eng.defaultProfile(),
      });
      setMessage({ intent: 'success', text: names.length ? t(lang, 'templateAdded', { names: names.join('、') }) : t(lang, 'templateOpened') });
    });

  const bind = (kind: 'basic' | 'self', address: string | null, labels: Record<string, string> = {}) =>
    guard(t(lang, kind === 'basic' ? 'bindBasic' : 'bindSelf'), async () => {
      const eng = await loadEngine();
      let range: string;
      try {
        range = await host.bindTable(kind, address, labels);
      } catch (e) {
        if (!(e instanceof eng.RangeTooSmall)) throw e;
        setMessage({ intent: 'warning', text: t(lang, 'bindTooSmall', { rows: e.rows, cols: e.cols, button: t(lang, kind === 'basic' ? 'bindBasic' : 'bindSelf') }) });
        return;
      }
      await runCheck(profileId, { intent: 'success', text: t(lang, 'bound', { range, kind: t(lang, kind) }) });
    });
  const unmap = (kind: 'basic' | 'self', label: string) =>
    guard(t(lang, 'undoMapping'), async () => {
      await host.unmapTableLabel(kind, label);
      await runCheck(profileId, { intent: 'info', text: t(lang, 'mappingUndone', { label }) });
    });
  const unbind = (kind: 'basic' | 'self') =>
    guard(t(lang, 'unbind'), async () => {
      await host.unbindTable(kind);
      await runCheck(profileId, { intent: 'info', text: t(lang, 'unbound') });
    });

  const changeProfile = (id: string) =>
    guard('', async () => {
      setProfileId(id);
      paneProfile.current = reviewer ? id : null;
      if (!reviewer) await host.saveProfile(id);
      await runCheck(id);
    });

  const results = (
    <div className={s.panel}>
      {!result && busy === null && (
        <Card className={s.empty} data-testid="start">
          <Body1>{t(lang, 'startHint')}</Body1>
        </Card>
      )}
      {result && protectedSheets.length > 0 && (
        <MessageBar intent="warning" data-testid="protected">
          <MessageBarBody>{t(lang, 'protectedHint', { sheets: protectedSheets.join('、') })}</MessageBarBody>
        </MessageBar>
      )}
      {result && !result.tables.length && (
        <Card className={s.empty} data-testid="no-tables">
          <Body1>{t(lang, 'noTablesFound')}</Body1>
          <Button className={s.wrap} onClick={() => selectTab('tables')} data-testid="open-tables">
            {t(lang, 'openTables')}
          </Button>
        </Card>
      )}
      {result && <SummaryCard lang={lang} result={result} filter={filter} onFilter={setFilter} onClear={clear} busy={!!busy} />}
      {result && engine && (
        <FindingList lang={lang} result={result} filter={filter} plan={reviewer ? null : fullPlan} onExplain={reviewer ? undefined : explain} fixOf={(f) => (fullPlan ? engine.fixFor(result, fullPlan, f) : null)} busy={!!busy} onSelect={select} onFix={fixOne} focusFirst={focusFirst} onFocused={onFocused} />
      )}
    </div>
  );

  const pages: Record<PaneTab, React.ReactNode> = {
    results,
    review: (
      <>
        <ReviewPanel lang={lang} busy={!!busy} checked={!!result} reviewer={reviewer} canCopy={features.annotatedCopy} canBatchBook={features.newWorkbook} onReviewer={switchReviewer} onReviewSheet={addReview} onBatch={runBatch} />
        {/* 检查 pressed here shows its results here too; a count opens them on 结果. */}
        {result && (
          <SummaryCard
            lang={lang}
            result={result}
            filter={filter}
            onFilter={(f) => {
              setFilter(f);
              selectTab('results');
            }}
            onClear={clear}
            busy={!!busy}
          />
        )}
      </>
    ),
    year: (
      <YearPanel
        lang={lang}
        busy={!!busy}
        canInsertSheets={features.insertSheets}
        canMake={features.insertSheets || features.newWorkbook}
        fromYear={fromYear}
        value={year}
        onChange={(v) => {
          if (v.year !== year.year) setYearEdited(true);
          setYear(v);
        }}
        onMake={makeYear}
      />
    ),
    tables: <Bindings lang={lang} result={result} engine={engine} busy={!!busy} onBind={bind} onUnbind={unbind} onUnmap={unmap} />,
    settings: <SettingsPanel lang={lang} busy={!!busy} profile={profileId} profiles={engine ? Object.keys(engine.BUILT_IN) : ['mof-2020', 'hubei']} onProfile={changeProfile} />,
  };

  // Ready once the saved tab, the edit watch and the read-only year are in: nothing of the opening is still running.
  return (
    <main className={s.root} aria-busy={!!busy} data-ready={ready && fromYear !== undefined}>
      <h1 className={s.hidden}>{t(lang, 'title')}</h1>
      <header className={s.header}>
        <Button appearance="primary" onClick={() => void runCheck().then(() => setFocusFirst(true))} disabled={!!busy} className={s.headerButton} data-testid="check">
          {t(lang, 'check')}
        </Button>
        <Button ref={writeButton} onClick={preparePlan} disabled={!!busy || !result || reviewer || !!plan} className={s.headerButton} data-testid="write">
          {t(lang, 'writeBack')}
        </Button>
        <Button onClick={() => void undo()} disabled={!!busy || reviewer} className={s.headerButton} data-testid="undo">
          {t(lang, 'undo')}
        </Button>
      </header>
      {busy !== null && (
        <div role="status">
          <Spinner size="tiny" label={busy || t(lang, 'checking')} />
          <ProgressBar aria-label={busy || t(lang, 'checking')} />
        </div>
      )}
      {stale && result && !busy && (
        <MessageBar intent="warning" data-testid="stale">
          <MessageBarBody>{t(lang, 'stale')}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => void runCheck()}>
              {t(lang, 'check')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} role="alert" data-testid="message">
          <MessageBarBody>{message.text}</MessageBarBody>
          {message.action && (
            <MessageBarActions>
              <Button size="small" onClick={message.action.run} data-testid="message-action">
                {message.action.label}
              </Button>
              {message.other && (
                <Button size="small" onClick={message.other.run} data-testid="message-other">
                  {message.other.label}
                </Button>
              )}
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {plan ? (
        <ErrorBoundary lang={lang} onCheck={() => void runCheck()} where="plan">
          <PlanPreview lang={lang} plan={plan} closure={(p, k) => engine!.closure(p, k)} onApply={(writes) => {
              setFocusWrite(true);
              void write(writes, []);
            }}
            onCancel={() => {
              setFocusWrite(true);
              setPlan(null);
            }}
            busy={!!busy}
          />
        </ErrorBoundary>
      ) : undoing ? (
        <UndoPreview lang={lang} changes={undoing.changes} skipped={undoing.skipped} foreign={undoing.foreign} onUndo={() => void confirmUndo(undoing.id)} onCancel={() => setUndoing(null)} onDropForeign={() => void dropForeign()} busy={!!busy} />
      ) : (
        <>
          <PaneTabs lang={lang} tab={tab} onSelect={selectTab} />
          <div role="tabpanel" aria-label={t(lang, TAB_LABEL[tab])} className={s.panel} data-testid={`page-${tab}`}>
            <ErrorBoundary lang={lang} onCheck={() => void runCheck()} resetKey={tab}>
              <React.Suspense fallback={<Spinner size="tiny" aria-label={t(lang, "checking")} />}>{pages[tab]}</React.Suspense>
            </ErrorBoundary>
          </div>
        </>
      )}
    </main>
  );
}
