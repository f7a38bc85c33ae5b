import * as React from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Checkbox,
  Dropdown,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  ProgressBar,
  Spinner,
  Subtitle2,
  Switch,
  Tab,
  TabList,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { CheckResult } from '../core/check';
import type { WritePlan } from '../core/plan';
import type { Finding, Severity } from '../core/rules/types';
import { t } from './i18n';
import { Bindings } from './Bindings';
import type { OfficeEnv } from '../host/excel/env';

type Engine = typeof import('./engine');
let enginePromise: Promise<Engine> | null = null;
const loadEngine = () => (enginePromise ??= import(/* webpackChunkName: "engine" */ './engine'));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '10px', padding: '12px', minHeight: '100vh', boxSizing: 'border-box', backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  counts: { display: 'flex', gap: '6px' },
  list: { display: 'flex', flexDirection: 'column', gap: '2px' },
  finding: { justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: '4px', paddingBottom: '4px', whiteSpace: 'normal', fontWeight: 'normal' },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px', color: tokens.colorBrandForeground1 },
  group: { marginTop: '8px' },
});

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const COLORS: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export function App({ env }: { env: OfficeEnv }): React.ReactElement {
  const s = useStyles();
  const { lang } = env;
  const [busy, setBusy] = React.useState<string | null>(null);
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [filter, setFilter] = React.useState<'all' | Severity>('all');
  const [reviewer, setReviewer] = React.useState(false);
  const [profileId, setProfileId] = React.useState('mof-2020');
  const [plan, setPlan] = React.useState<WritePlan | null>(null);
  const [message, setMessage] = React.useState<{ intent: 'success' | 'error' | 'info'; text: string } | null>(null);
  const [engine, setEngine] = React.useState<Engine | null>(null);

  const guard = async (label: string, fn: () => Promise<void>) => {
    setBusy(label);
    setMessage(null);
    try {
      await fn();
    } catch (e) {
      setMessage({ intent: 'error', text: t(lang, 'failed', { msg: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const runCheck = (id = profileId) =>
    guard(t(lang, 'loadingEngine'), async () => {
      const eng = await loadEngine();
      setEngine(eng);
      setBusy(t(lang, 'reading'));
      const profile = eng.builtInProfile(id) ?? eng.defaultProfile();
      const r = await eng.checkWorkbook(env.run, { profile, lang, caps: env.caps, mark: true });
      if (r.profile.id !== id) setProfileId(r.profile.id);
      setResult(r.result);
      if (r.marks?.skipped.length) setMessage({ intent: 'info', text: t(lang, 'marksSkipped', { sheets: r.marks.skipped.join('、') }) });
      else if (!env.caps.notes) setMessage({ intent: 'info', text: t(lang, 'notesMissing') });
    });

  const counts = React.useMemo(() => {
    const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    for (const f of result?.findings ?? []) c[f.severity]++;
    return c;
  }, [result]);

  const groups = React.useMemo(() => {
    if (!result) return [];
    const shown = result.findings.filter((f) => filter === 'all' || f.severity === filter);
    const keys = [...result.info.map((_, i) => i), null];
    return keys
      .map((ti) => ({ ti, findings: shown.filter((f) => f.table === ti) }))
      .filter((g) => g.findings.length)
      .map((g) => ({ ...g, label: g.ti === null ? t(lang, 'workbook') : `${t(lang, result.info[g.ti].kind)} · ${result.info[g.ti].sheet}!${result.info[g.ti].range}` }));
  }, [result, filter, lang]);

  const select = (f: Finding) => guard('', async () => (await loadEngine()).selectCell(env.run, f.sheet, f.cell));

  const preparePlan = () =>
    guard('', async () => {
      const eng = await loadEngine();
      if (!result) return;
      const p = eng.planFor(result, eng.builtInProfile(profileId) ?? eng.defaultProfile());
      if (!p.writes.length) setMessage({ intent: 'info', text: t(lang, 'nothingToWrite') });
      else setPlan(p);
    });

  const applyPlan = () =>
    guard(t(lang, 'writeBack'), async () => {
      const eng = await loadEngine();
      if (!plan) return;
      await eng.writePlan(env.run, plan);
      const n = plan.writes.length;
      setPlan(null);
      await runCheck();
      setMessage({ intent: 'success', text: t(lang, 'written', { n }) });
    });

  const undo = () =>
    guard(t(lang, 'undo'), async () => {
      const eng = await loadEngine();
      const n = await eng.undoWrite(env.run);
      if (n) await runCheck();
      setMessage({ intent: 'info', text: n ? t(lang, 'undone', { n }) : t(lang, 'nothingToUndo') });
    });

  const clear = () =>
    guard(t(lang, 'clearMarks'), async () => {
      const eng = await loadEngine();
      const left = await eng.clearFindings(env.run, env.caps);
      setMessage({ intent: 'info', text: left.length ? t(lang, 'clearedExcept', { sheets: left.join('、') }) : t(lang, 'cleared') });
    });

  const addReview = () =>
    guard(t(lang, 'reviewSheet'), async () => {
      const eng = await loadEngine();
      if (!result) return;
      const name = await eng.addReviewSheet(env.run, result.findings, lang);
      setMessage({ intent: 'success', text: t(lang, 'reviewAdded', { name }) });
    });

  const fileInput = React.useRef<HTMLInputElement>(null);
  const runBatch = (files: File[]) =>
    guard(t(lang, 'batchReading', { n: 1, total: files.length }), async () => {
      const eng = await loadEngine();
      const profile = eng.builtInProfile(profileId) ?? eng.defaultProfile();
      const entries = await eng.batchEntries(files, profile, lang, (n) => setBusy(t(lang, 'batchReading', { n: Math.min(n + 1, files.length), total: files.length })));
      const sheets = await eng.addBatchSheets(env.run, entries, lang);
      setMessage({ intent: 'success', text: t(lang, 'batchDone', { total: files.length, sheets: sheets.join('、') }) });
    });

  const [year, setYear] = React.useState(String(new Date().getFullYear()));
  const [yearEdited, setYearEdited] = React.useState(false);
  // The next fiscal year after the workbook's, until the person types one.
  React.useEffect(() => {
    const y = result?.info.find((i) => i.year)?.year;
    if (y && !yearEdited) setYear(String(y + 1));
  }, [result, yearEdited]);
  const [newBook, setNewBook] = React.useState(false);
  const [projectLayout, setProjectLayout] = React.useState(false);
  const makeYear = (roll: boolean) =>
    guard(t(lang, 'newYear'), async () => {
      const eng = await loadEngine();
      const names = await eng.newYearTemplate(env, {
        year: Number(year),
        roll,
        layout: projectLayout ? 'project' : 'dept',
        target: newBook || !env.caps.insertSheets ? 'workbook' : 'sheets',
        profile: eng.builtInProfile(profileId) ?? eng.defaultProfile(),
      });
      setMessage({ intent: 'success', text: names.length ? t(lang, 'templateAdded', { names: names.join('、') }) : t(lang, 'templateOpened') });
    });

  const bind = (kind: 'basic' | 'self', address: string | null, labels: Record<string, string> = {}) =>
    guard(t(lang, kind === 'basic' ? 'bindBasic' : 'bindSelf'), async () => {
      const eng = await loadEngine();
      const range = await eng.bindTable(env.run, kind, address, labels);
      await runCheck();
      setMessage({ intent: 'success', text: t(lang, 'bound', { range, kind: t(lang, kind) }) });
    });
  const unbind = (kind: 'basic' | 'self') =>
    guard(t(lang, 'unbind'), async () => {
      const eng = await loadEngine();
      await eng.unbindTable(env.run, kind);
      await runCheck();
      setMessage({ intent: 'info', text: t(lang, 'unbound') });
    });

  const changeProfile = (id: string) =>
    guard('', async () => {
      const eng = await loadEngine();
      setProfileId(id);
      await eng.saveProfile(env.run, id);
      await runCheck(id);
    });

  return (
    <main className={s.root} aria-busy={!!busy}>
      <Subtitle2 as="h1">{t(lang, 'title')}</Subtitle2>
      <div className={s.row}>
        <Button appearance="primary" onClick={() => runCheck()} disabled={!!busy} data-testid="check">
          {t(lang, 'check')}
        </Button>
        <Button onClick={preparePlan} disabled={!!busy || !result || reviewer} data-testid="write">
          {t(lang, 'writeBack')}
        </Button>
        <Button onClick={undo} disabled={!!busy || reviewer} data-testid="undo">
          {t(lang, 'undo')}
        </Button>
        <Button onClick={clear} disabled={!!busy} data-testid="clear">
          {t(lang, 'clearMarks')}
        </Button>
        <Button onClick={addReview} disabled={!!busy || !result} data-testid="review">
          {t(lang, 'reviewSheet')}
        </Button>
        <Button onClick={() => fileInput.current?.click()} disabled={!!busy} data-testid="batch">
          {t(lang, 'batch')}
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.xls"
          multiple
          hidden
          data-testid="batch-files"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) runBatch(files);
          }}
        />
      </div>
      <div className={s.row}>
        <Caption1 id="profile-label">{t(lang, 'profile')}</Caption1>
        <Dropdown aria-labelledby="profile-label" value={profileId} selectedOptions={[profileId]} onOptionSelect={(_, d) => d.optionValue && changeProfile(d.optionValue)} disabled={!!busy}>
          {['mof-2020', 'hubei'].map((id) => (
            <Option key={id} value={id}>
              {id}
            </Option>
          ))}
        </Dropdown>
        <Switch checked={reviewer} onChange={(_, d) => setReviewer(d.checked)} label={t(lang, 'reviewer')} />
      </div>
      <section aria-label={t(lang, 'newYear')} className={s.row}>
        <Caption1 id="year-label">{`${t(lang, 'newYear')} · ${t(lang, 'year')}`}</Caption1>
        <Input aria-labelledby="year-label" type="number" value={year} onChange={(_, d) => {
            setYear(d.value);
            setYearEdited(true);
          }} style={{ width: '90px' }} data-testid="year" />
        <Button onClick={() => makeYear(false)} disabled={!!busy || !/^\d{4}$/.test(year)} data-testid="blank-template">
          {t(lang, 'blankTemplate')}
        </Button>
        <Button onClick={() => makeYear(true)} disabled={!!busy || !/^\d{4}$/.test(year)} data-testid="roll-forward">
          {t(lang, 'rollForward')}
        </Button>
        <Checkbox checked={newBook || !env.caps.insertSheets} disabled={!env.caps.insertSheets} onChange={(_, d) => setNewBook(!!d.checked)} label={t(lang, 'inNewWorkbook')} data-testid="new-book" />
        {!env.caps.insertSheets && <Caption1>{t(lang, 'newBookOnly')}</Caption1>}
        <Checkbox checked={projectLayout} onChange={(_, d) => setProjectLayout(!!d.checked)} label={t(lang, 'projectLayout')} />
      </section>
      {busy !== null && (
        <div role="status">
          <Spinner size="tiny" label={busy || t(lang, 'checking')} />
          <ProgressBar />
        </div>
      )}
      {message && (
        <MessageBar intent={message.intent} role="alert">
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}
      {plan && (
        <section aria-label={t(lang, 'previewTitle')} data-testid="plan">
          <Subtitle2 as="h2">{t(lang, 'previewTitle')}</Subtitle2>
          <Table size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t(lang, 'cell')}</TableHeaderCell>
                <TableHeaderCell>{t(lang, 'item')}</TableHeaderCell>
                <TableHeaderCell>{t(lang, 'oldValue')}</TableHeaderCell>
                <TableHeaderCell>{t(lang, 'newValue')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {plan.writes.map((w) => (
                <TableRow key={`${w.sheet}!${w.cell}`}>
                  <TableCell>{`${w.sheet}!${w.cell}`}</TableCell>
                  <TableCell>{w.label}</TableCell>
                  <TableCell>{engine?.describeState(w.before)}</TableCell>
                  <TableCell>{w.formula ? `${w.formula} → ${w.shows}` : w.shows}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className={s.row}>
            <Button appearance="primary" onClick={applyPlan} data-testid="apply">
              {t(lang, 'apply')}
            </Button>
            <Button onClick={() => setPlan(null)}>{t(lang, 'cancel')}</Button>
          </div>
        </section>
      )}
      <Bindings lang={lang} result={result} engine={engine} busy={!!busy} onBind={bind} onUnbind={unbind} />
      {result && (
        <>
          <div className={s.counts} data-testid="counts">
            {SEVERITIES.map((sev) => (
              <Badge key={sev} color={COLORS[sev]} appearance="tint">{`${t(lang, sev)} ${counts[sev]}`}</Badge>
            ))}
          </div>
          {result.info.map((info, i) =>
            info.summary ? (
              <Caption1 key={i}>
                {`${t(lang, info.kind)} · ${t(lang, 'total', { stated: info.summary.statedTotal ?? '—', computed: info.summary.computedTotal, grade: info.summary.statedGrade ?? '—', cgrade: info.summary.computedGrade ?? '—' })}`}
              </Caption1>
            ) : null,
          )}
          <TabList selectedValue={filter} onTabSelect={(_, d) => setFilter(d.value as 'all' | Severity)} size="small">
            <Tab value="all">{t(lang, 'all')}</Tab>
            {SEVERITIES.map((sev) => (
              <Tab key={sev} value={sev}>{`${t(lang, sev)} (${counts[sev]})`}</Tab>
            ))}
          </TabList>
          {groups.length === 0 && <Body1>{t(lang, 'noFindings')}</Body1>}
          {groups.map((g) => (
            <section key={String(g.ti)} className={s.group} aria-label={g.label}>
              <Subtitle2 as="h2">{g.label}</Subtitle2>
              {SEVERITIES.map((sev) => {
                const list = g.findings.filter((f) => f.severity === sev);
                if (!list.length) return null;
                return (
                  <div key={sev} className={s.list}>
                    <Caption1 as="h3">{`${t(lang, sev)} (${list.length})`}</Caption1>
                    {list.map((f, k) => (
                      <Button key={k} appearance="subtle" className={s.finding} onClick={() => select(f)} data-testid="finding" data-cell={`${f.sheet}!${f.cell}`} data-rule={f.rule}>
                        <span className={s.cell}>{`${f.sheet}!${f.cell}`}</span>
                        <span>{f.message}</span>
                      </Button>
                    ))}
                  </div>
                );
              })}
            </section>
          ))}
        </>
      )}
      {!result && !busy && <Body1>{t(lang, 'noTables')}</Body1>}
    </main>
  );
}
