import * as React from 'react';
import { Body1, Button, Card, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { CheckResult } from '../core/check';
import type { CellWrite, WritePlan } from '../core/plan';
import type { Finding, Severity } from '../core/rules/types';
import { t } from './i18n';
import { FindingList, SummaryCard } from './Findings';
import { PlanPreview } from './PlanPreview';
import { PaneTab, PaneTabs, TAB_LABEL, isPaneTab } from './PaneTabs';
import type { YearOptions } from './panels';

// The pages behind the other tabs load when first opened, keeping the pane's first load small.
const ReviewPanel = React.lazy(() => import(/* webpackChunkName: "pages" */ './panels').then((m) => ({ default: m.ReviewPanel })));
const YearPanel = React.lazy(() => import(/* webpackChunkName: "pages" */ './panels').then((m) => ({ default: m.YearPanel })));
const SettingsPanel = React.lazy(() => import(/* webpackChunkName: "pages" */ './panels').then((m) => ({ default: m.SettingsPanel })));
const Bindings = React.lazy(() => import(/* webpackChunkName: "pages" */ './Bindings').then((m) => ({ default: m.Bindings })));
import type { OfficeEnv } from '../host/excel/env';
import { readPaneTab, savePaneTab } from '../host/excel/pane-state';

type Engine = typeof import('./engine');
let enginePromise: Promise<Engine> | null = null;
const loadEngine = () => (enginePromise ??= import(/* webpackChunkName: "engine" */ './engine'));

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

interface Message {
  intent: 'success' | 'error' | 'info' | 'warning';
  text: string;
  action?: { label: string; run(): void };
}

export function App({ env }: { env: OfficeEnv }): React.ReactElement {
  const s = useStyles();
  const { lang } = env;
  const [busy, setBusy] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [protectedSheets, setProtectedSheets] = React.useState<string[]>([]);
  const [filter, setFilter] = React.useState<Severity | null>(null);
  const [reviewer, setReviewer] = React.useState(false);
  const [profileId, setProfileId] = React.useState('mof-2020');
  const [fullPlan, setFullPlan] = React.useState<WritePlan | null>(null);
  const [plan, setPlan] = React.useState<WritePlan | null>(null);
  const [message, setMessage] = React.useState<Message | null>(null);
  const [engine, setEngine] = React.useState<Engine | null>(null);
  const [tab, setTab] = React.useState<PaneTab>('results');
  const [year, setYear] = React.useState<YearOptions>({ year: String(new Date().getFullYear()), newBook: false, project: false });
  const [yearEdited, setYearEdited] = React.useState(false);

  // The pane opens on the tab the person left it on (kept in the workbook).
  const [ready, setReady] = React.useState(false);
  React.useEffect(() => {
    readPaneTab(env.run)
      .then((saved) => isPaneTab(saved) && setTab(saved))
      .catch(() => undefined)
      .finally(() => setReady(true));
  }, [env.run]);

  const selectTab = (next: PaneTab) => {
    setTab(next);
    savePaneTab(env.run, next).catch(() => undefined);
  };

  const guard = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setMessage(null);
    try {
      await fn();
    } catch (e) {
      const eng = engine ?? (await loadEngine().catch(() => null));
      const refused = eng && e instanceof eng.WriteRefused;
      setMessage({
        intent: 'error',
        text: `${t(lang, 'failed', { msg: e instanceof Error ? e.message : String(e) })}${refused ? '' : ` ${t(lang, 'retryHint')}`}`,
        action: refused ? undefined : { label: t(lang, 'check'), run: () => void runCheck() },
      });
    } finally {
      setBusy(null);
    }
  };

  const runCheck = (id = profileId, after?: Message) =>
    guard(t(lang, 'loadingEngine'), async () => {
      const eng = await loadEngine();
      setEngine(eng);
      setBusy(t(lang, 'reading'));
      const profile = eng.builtInProfile(id) ?? eng.defaultProfile();
      const r = await eng.checkWorkbook(env.run, { profile, lang, caps: env.caps, mark: true });
      if (r.profile.id !== id) setProfileId(r.profile.id);
      setResult(r.result);
      setProtectedSheets(r.protectedSheets);
      setFullPlan(eng.planFor(r.result, r.profile));
      setPlan(null);
      const y = r.result.info.find((i) => i.year)?.year;
      if (y && !yearEdited) setYear((v) => ({ ...v, year: String(y + 1) }));
      if (after) setMessage(after);
      else if (!env.caps.notes && r.result.findings.some((f) => f.ref)) setMessage({ intent: 'info', text: t(lang, 'notesMissing') });
    });

  const select = (f: Finding) => {
    if (!f.ref) return;
    void guard('', async () => (await loadEngine()).selectCell(env.run, f.sheet, f.cell));
  };

  const preparePlan = () => {
    setMessage(null);
    if (!fullPlan?.writes.length) setMessage({ intent: 'info', text: t(lang, 'nothingToWrite') });
    else setPlan(fullPlan);
  };

  const write = (p: WritePlan) =>
    guard(t(lang, 'writeBack'), async () => {
      const eng = await loadEngine();
      await eng.writePlan(env.run, p);
      setPlan(null);
      await runCheck(profileId, { intent: 'success', text: t(lang, 'written', { n: p.writes.length }) });
    });
  const fixOne = (w: CellWrite) => write({ writes: [w] });

  const undo = () =>
    guard(t(lang, 'undo'), async () => {
      const eng = await loadEngine();
      const n = await eng.undoWrite(env.run);
      const done: Message = { intent: 'info', text: n ? t(lang, 'undone', { n }) : t(lang, 'nothingToUndo') };
      if (n) await runCheck(profileId, done);
      else setMessage(done);
    });

  const clear = () =>
    guard(t(lang, 'clearMarks'), async () => {
      const left = await (await loadEngine()).clearFindings(env.run, env.caps);
      setMessage({ intent: 'info', text: left.length ? t(lang, 'clearedExcept', { sheets: left.join('、') }) : t(lang, 'cleared') });
    });

  const addReview = () =>
    guard(t(lang, 'reviewSheet'), async () => {
      if (!result) return;
      const name = await (await loadEngine()).addReviewSheet(env.run, result.findings, lang);
      setMessage({ intent: 'success', text: t(lang, 'reviewAdded', { name }) });
    });

  const runBatch = (files: File[]) =>
    guard(t(lang, 'batchReading', { n: 1, total: files.length }), async () => {
      const eng = await loadEngine();
      const profile = eng.builtInProfile(profileId) ?? eng.defaultProfile();
      const entries = await eng.batchEntries(files, profile, lang, (n) => setBusy(t(lang, 'batchReading', { n: Math.min(n + 1, files.length), total: files.length })));
      const sheets = await eng.addBatchSheets(env.run, entries, lang);
      setMessage({ intent: 'success', text: t(lang, 'batchDone', { total: files.length, sheets: sheets.join('、') }) });
    });

  const makeYear = (roll: boolean) =>
    guard(t(lang, 'newYear'), async () => {
      const eng = await loadEngine();
      const names = await eng.newYearTemplate(env, {
        year: Number(year.year),
        roll,
        layout: year.project ? 'project' : 'dept',
        target: year.newBook || !env.caps.insertSheets ? 'workbook' : 'sheets',
        profile: eng.builtInProfile(profileId) ?? eng.defaultProfile(),
      });
      setMessage({ intent: 'success', text: names.length ? t(lang, 'templateAdded', { names: names.join('、') }) : t(lang, 'templateOpened') });
    });

  const bind = (kind: 'basic' | 'self', address: string | null, labels: Record<string, string> = {}) =>
    guard(t(lang, kind === 'basic' ? 'bindBasic' : 'bindSelf'), async () => {
      const range = await (await loadEngine()).bindTable(env.run, kind, address, labels);
      await runCheck(profileId, { intent: 'success', text: t(lang, 'bound', { range, kind: t(lang, kind) }) });
    });
  const unbind = (kind: 'basic' | 'self') =>
    guard(t(lang, 'unbind'), async () => {
      await (await loadEngine()).unbindTable(env.run, kind);
      await runCheck(profileId, { intent: 'info', text: t(lang, 'unbound') });
    });

  const changeProfile = (id: string) =>
    guard('', async () => {
      setProfileId(id);
      await (await loadEngine()).saveProfile(env.run, id);
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
      {result && engine && <FindingList lang={lang} result={result} filter={filter} plan={reviewer ? null : fullPlan} ruleDoc={engine.ruleDoc} single={(w) => engine.singleWrite(result, w)} busy={!!busy} onSelect={select} onFix={fixOne} />}
    </div>
  );

  const pages: Record<PaneTab, React.ReactNode> = {
    results,
    review: <ReviewPanel lang={lang} busy={!!busy} checked={!!result} reviewer={reviewer} onReviewer={setReviewer} onReviewSheet={addReview} onBatch={runBatch} />,
    year: (
      <YearPanel
        lang={lang}
        busy={!!busy}
        canInsertSheets={env.caps.insertSheets}
        value={year}
        onChange={(v) => {
          if (v.year !== year.year) setYearEdited(true);
          setYear(v);
        }}
        onMake={makeYear}
      />
    ),
    tables: <Bindings lang={lang} result={result} engine={engine} busy={!!busy} onBind={bind} onUnbind={unbind} />,
    settings: <SettingsPanel lang={lang} busy={!!busy} profile={profileId} profiles={engine ? Object.keys(engine.BUILT_IN) : ['mof-2020', 'hubei']} onProfile={changeProfile} />,
  };

  return (
    <main className={s.root} aria-busy={!!busy} data-ready={ready}>
      <h1 className={s.hidden}>{t(lang, 'title')}</h1>
      <header className={s.header}>
        <Button appearance="primary" onClick={() => void runCheck()} disabled={!!busy} className={s.headerButton} data-testid="check">
          {t(lang, 'check')}
        </Button>
        <Button onClick={preparePlan} disabled={!!busy || !result || reviewer || !!plan} className={s.headerButton} data-testid="write">
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
      {message && (
        <MessageBar intent={message.intent} role="alert" data-testid="message">
          <MessageBarBody>{message.text}</MessageBarBody>
          {message.action && (
            <MessageBarActions>
              <Button size="small" onClick={message.action.run}>
                {message.action.label}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {plan ? (
        <PlanPreview lang={lang} plan={plan} describe={(b) => engine?.describeState(b) ?? ''} onApply={() => void write(plan)} onCancel={() => setPlan(null)} busy={!!busy} />
      ) : (
        <>
          <PaneTabs lang={lang} tab={tab} onSelect={selectTab} />
          <div role="tabpanel" aria-label={t(lang, TAB_LABEL[tab])} className={s.panel} data-testid={`page-${tab}`}>
            <React.Suspense fallback={<Spinner size="tiny" aria-label={t(lang, "checking")} />}>{pages[tab]}</React.Suspense>
          </div>
        </>
      )}
    </main>
  );
}
