import * as React from 'react';
import { Body1, Button, Caption1, Card, Subtitle2, ToggleButton, Tooltip, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { CheckResult } from '../core/check';
import type { FindingFix, WritePlan } from '../core/plan';
import type { Finding, Lang, Severity } from '../core/rules/types';
import { t } from './i18n';
import { FindingHelp } from './FindingHelp';
import { shownValue } from '../core/i18n/shown';

export const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: '6px', padding: '10px' },
  line: { display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'baseline', overflowWrap: 'anywhere' },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  chips: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  sev: { marginTop: '6px', marginBottom: '2px' },
  table: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere', marginTop: '4px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { display: 'flex', flexDirection: 'column', borderLeft: `3px solid transparent`, borderRadius: tokens.borderRadiusSmall },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  row: { display: 'flex', alignItems: 'flex-start', minWidth: 0 },
  finding: { flexGrow: 1, minWidth: 0, justifyContent: 'flex-start', textAlign: 'left', height: 'auto', paddingTop: '4px', paddingBottom: '4px', whiteSpace: 'normal', fontWeight: 'normal', overflowWrap: 'anywhere', display: 'block' },
  cell: { fontFamily: tokens.fontFamilyMonospace, marginRight: '6px', color: tokens.colorBrandForeground1 },
  toggle: { flexShrink: 0, minWidth: '28px' },
  details: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '2px 8px 8px 12px', overflowWrap: 'anywhere' },
});

const SEV_CLASS = { error: 'error', warning: 'warning', info: 'info' } as const;

function counts(findings: Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) if (f.explained === undefined) c[f.severity]++;
  return c;
}

/** After a check: each table, the 自评表's stated 总分 / 等级 beside the computed ones, and the counts as filter chips. */
export function SummaryCard(props: { lang: Lang; result: CheckResult; filter: Severity | null; onFilter(s: Severity | null): void; onClear(): void; busy: boolean }): React.ReactElement {
  const { lang, result, filter, onFilter } = props;
  const s = useStyles();
  const c = counts(result.findings);
  const explainedN = result.findings.filter((f) => f.explained !== undefined).length;
  const pair = (label: string, stated: string | null, computed: string | null) => (
    <span>
      {`${label} `}
      <span className={stated !== null && stated !== computed ? s.mismatch : undefined}>{stated ?? '—'}</span>
      {` · ${t(lang, 'computedShort')} ${computed ?? '—'}`}
    </span>
  );
  return (
    <Card className={s.card} data-testid="summary" size="small">
      <Subtitle2 as="h2">{t(lang, 'summary')}</Subtitle2>
      {result.info.map((info, i) => (
        <div key={i} className={s.line} data-testid="summary-table">
          <Caption1>{`${t(lang, info.kind)} · ${info.sheet}!${info.range}`}</Caption1>
          {info.summary && (
            <Body1 className={s.line}>
              {pair(t(lang, 'totalScore'), info.summary.statedTotal, info.summary.computedTotal)}
              {pair(t(lang, 'grade'), info.summary.statedGrade, info.summary.computedGrade)}
            </Body1>
          )}
        </div>
      ))}
      <div className={s.chips} role="group" aria-label={t(lang, 'filter')} data-testid="counts">
        {SEVERITIES.map((sev) => (
          <ToggleButton key={sev} size="small" shape="circular" checked={filter === sev} onClick={() => onFilter(filter === sev ? null : sev)} data-testid={`chip-${sev}`}>
            {`${t(lang, sev)} ${c[sev]}`}
          </ToggleButton>
        ))}
        {explainedN > 0 && <Caption1 data-testid="explained-count">{t(lang, 'explainedCount', { n: explainedN })}</Caption1>}
        <Button size="small" appearance="subtle" onClick={props.onClear} disabled={props.busy} data-testid="clear">
          {t(lang, 'clearMarks')}
        </Button>
      </div>
    </Card>
  );
}

interface ListProps {
  lang: Lang;
  result: CheckResult;
  filter: Severity | null;
  /** The write plan, for the per-finding action; null where writing is off (审核模式). */
  plan: WritePlan | null;
  /** Marks a finding 已说明 (null takes it back); absent where nothing is written (审核模式). */
  onExplain?(f: Finding, reason: string | null): void;
  /** The finding's own fix (its cell with the cells it needs), offered only where it reaches the finding's 应为. */
  fixOf(f: Finding): FindingFix | null;
  busy: boolean;
  onSelect(f: Finding): void;
  onFix(fix: FindingFix, f: Finding): void;
}

/**
 * The findings grouped by severity, then by table. Each shows its cell and message; expanded, expected against
 * actual, what the rule checks, and the write-back for that cell where the plan has one. One tab stop: the arrow
 * keys move through the list, Right and Left open and close an item, Enter selects its cell in Excel.
 */
export function FindingList({ lang, result, filter, plan, onExplain, fixOf, busy, onSelect, onFix }: ListProps): React.ReactElement {
  const s = useStyles();
  const [open, setOpen] = React.useState<Set<number>>(new Set());
  const [active, setActive] = React.useState(0);
  const listRef = React.useRef<HTMLDivElement>(null);
  const indexed = result.findings.map((f, i) => ({ f, i }));
  const shown = indexed.filter(({ f }) => !filter || f.severity === filter);
  const order = SEVERITIES.flatMap((sev) => shown.filter(({ f }) => f.severity === sev));
  const tableLabel = (ti: number | null) => (ti === null ? t(lang, 'workbook') : `${t(lang, result.info[ti].kind)} · ${result.info[ti].sheet}!${result.info[ti].range}`);
  const toggle = (i: number, to?: boolean) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(i)) next.add(i);
      else next.delete(i);
      return next;
    });

  const focusAt = (pos: number) => {
    const buttons = listRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid="finding"]');
    if (!buttons?.length) return;
    const k = Math.max(0, Math.min(buttons.length - 1, pos));
    buttons[k].focus();
  };
  const onKeyDown = (e: React.KeyboardEvent, pos: number, i: number) => {
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(pos + 1),
      ArrowUp: () => focusAt(pos - 1),
      Home: () => focusAt(0),
      End: () => focusAt(order.length - 1),
      ArrowRight: () => toggle(i, true),
      ArrowLeft: () => toggle(i, false),
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  };

  if (!order.length) return <Body1>{t(lang, 'noFindings')}</Body1>;
  const activePos = Math.min(active, order.length - 1);
  let pos = -1;
  return (
    <div ref={listRef} aria-label={t(lang, 'findings')} role="region">
      {SEVERITIES.map((sev) => {
        const ofSev = order.filter(({ f }) => f.severity === sev);
        if (!ofSev.length) return null;
        const tables = [...new Set(ofSev.map(({ f }) => f.table))];
        return (
          <section key={sev} aria-label={`${t(lang, sev)} (${ofSev.length})`}>
            <Subtitle2 as="h3" className={s.sev}>{t(lang, 'sevCount', { sev: t(lang, sev), n: ofSev.length })}</Subtitle2>
            {tables.map((ti) => (
              <div key={String(ti)}>
                <Caption1 as="h4" className={s.table}>
                  {tableLabel(ti)}
                </Caption1>
                <ul className={s.list}>
                  {ofSev
                    .filter(({ f }) => f.table === ti)
                    .map(({ f, i }) => {
                      pos++;
                      const here = pos;
                      const expanded = open.has(i);
                      const w = expanded && plan ? fixOf(f) : null;
                      const panel = `finding-details-${i}`;
                      return (
                        <li key={i} className={mergeClasses(s.item, s[SEV_CLASS[f.severity]])}>
                          <div className={s.row}>
                            <Button
                              appearance="subtle"
                              className={s.finding}
                              tabIndex={here === activePos ? 0 : -1}
                              onFocus={() => setActive(here)}
                              onClick={() => onSelect(f)}
                              onKeyDown={(e) => onKeyDown(e, here, i)}
                              data-testid="finding"
                              data-cell={`${f.sheet}!${f.cell}`}
                              data-rule={f.rule}
                              data-severity={f.severity}
                            >
                              <span className={s.cell}>{f.ref ? `${f.sheet}!${f.cell}` : t(lang, 'workbook')}</span>
                              <span>{f.message}</span>
                            </Button>
                            <Button
                              appearance="subtle"
                              size="small"
                              className={s.toggle}
                              icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
                              aria-label={`${t(lang, 'details')} ${f.sheet}!${f.cell}`}
                              aria-expanded={expanded}
                              aria-controls={expanded ? panel : undefined}
                              tabIndex={-1}
                              onClick={() => toggle(i)}
                              data-testid="finding-toggle"
                            />
                          </div>
                          {expanded && (
                            <div id={panel} className={s.details} data-testid="finding-details">
                              {(f.expected !== null || f.actual !== null) && (
                                <Caption1>
                                  {f.expected !== null && `${t(lang, 'expected')} ${shownValue(f, f.expected)}`}
                                  {f.expected !== null && f.actual !== null && ' · '}
                                  {f.actual !== null && `${t(lang, 'actual')} ${shownValue(f, f.actual)}`}
                                </Caption1>
                              )}
                              {w && (
                                <Tooltip content={w.formula ? t(lang, 'fixFormula', { f: w.formula }) : w.shows} relationship="description">
                                  <Button size="small" appearance="primary" disabled={busy} onClick={() => onFix(w, f)} data-testid="fix-one" data-formula={w.formula ?? ''}>
                                    {w.also.length ? t(lang, 'fixAlso', { cells: w.also.join('、'), v: w.shows || t(lang, 'empty') }) : t(lang, 'fixTo', { v: w.shows || t(lang, 'empty') })}
                                  </Button>
                                </Tooltip>
                              )}
                              <FindingHelp lang={lang} finding={f} busy={busy} onExplain={onExplain} />
                            </div>
                          )}
                        </li>
                      );
                    })}
                </ul>
              </div>
            ))}
          </section>
        );
      })}
    </div>
  );
}
