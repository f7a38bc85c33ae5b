import * as React from 'react';
import { Body1, Button, Caption1, Card, Subtitle2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import type { CheckResult } from '../core/check';
import { findingLinks } from '../core/links';
import type { FindingFix, WritePlan } from '../core/plan';
import type { Finding, Lang, Severity } from '../core/rules/types';
import { t } from './i18n';
import { SeverityChips } from './findings/Chips';
import { FindingDetails } from './findings/FindingDetails';
import { groupName } from './findings/names';
import { FindingHelp } from './FindingHelp';
import { buildRows, findingId, focusable, layout, Row, ROW_HEIGHT, rowAt, SEVERITIES } from './findings/rows';
import { SeverityIcon } from './findings/SeverityIcon';
import { useViewport } from './findings/useViewport';

export { SEVERITIES };

const focusRing = {
  // Windows high contrast drops shadows and background colours: an outline in the system's highlight colour stays.
  '@media (forced-colors: active)': { ':focus-visible': { outline: '2px solid Highlight', outlineOffset: '-2px' } },
} as const;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: '6px', padding: '10px' },
  line: { display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'baseline', overflowWrap: 'anywhere' },
  mismatch: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  chips: { display: 'flex', flexWrap: 'wrap', gap: '6px', alignItems: 'center' },
  moreTables: { alignSelf: 'flex-start', padding: '0', minWidth: 0 },
  explainedTag: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  list: { position: 'relative', minWidth: 0 },
  canvas: { position: 'relative', minWidth: 0 },
  row: { position: 'absolute', left: 0, right: 0, boxSizing: 'border-box', minWidth: 0, overflow: 'hidden' },
  // The headers of the group in view, over the list's top while it scrolls under the pane's own header.
  sticky: { position: 'sticky', zIndex: 1, height: 0, overflow: 'visible' },
  stuck: { position: 'absolute', left: 0, right: 0, backgroundColor: tokens.colorNeutralBackground1, boxShadow: tokens.shadow2, '@media (forced-colors: active)': { borderBottom: '1px solid CanvasText' } },
  sev: { display: 'flex', alignItems: 'center', gap: '6px', height: `${ROW_HEIGHT.severity}px`, margin: 0, backgroundColor: tokens.colorNeutralBackground1 },
  groupHead: { margin: 0, height: `${ROW_HEIGHT.group}px`, display: 'flex', alignItems: 'center', backgroundColor: tokens.colorNeutralBackground1 },
  group: { flexGrow: 1, minWidth: 0, justifyContent: 'flex-start', height: `${ROW_HEIGHT.group - 2}px`, fontWeight: tokens.fontWeightSemibold, ...focusRing },
  groupName: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', minWidth: 0 },
  count: { marginLeft: '6px', flexShrink: 0, color: tokens.colorNeutralForeground2 },
  table: { display: 'flex', alignItems: 'flex-end', margin: 0, height: `${ROW_HEIGHT.table}px`, paddingLeft: '28px', color: tokens.colorNeutralForeground3, overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis' },
  item: { display: 'flex', alignItems: 'stretch', height: `${ROW_HEIGHT.finding}px`, paddingLeft: '22px', borderLeft: '3px solid transparent', boxSizing: 'border-box' },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  // The finding last moved to or chosen: a bar and a background, and a border that high contrast keeps.
  current: {
    backgroundColor: tokens.colorNeutralBackground1Selected,
    outline: `1px solid ${tokens.colorNeutralStroke1}`,
    outlineOffset: '-1px',
    '@media (forced-colors: active)': { outline: '2px solid Highlight', outlineOffset: '-2px' },
  },
  finding: { flexGrow: 1, minWidth: 0, justifyContent: 'flex-start', alignItems: 'flex-start', textAlign: 'left', height: '100%', padding: '3px 4px', fontWeight: 'normal', display: 'flex', gap: '6px', ...focusRing },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1, flexShrink: 0 },
  message: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere', minWidth: 0 },
  toggle: { flexShrink: 0, minWidth: '28px', alignSelf: 'center' },
});

function counts(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  // A warning left standing with a reason (已说明) is counted apart.
  for (const f of findings) if (f.explained === undefined) c[f.severity]++;
  return c;
}

/** After a check: each table, the 自评表's stated 总分 / 等级 beside the computed ones, and the counts as filter chips. */
/** Above this many tables the card lists the first few and a button for the rest. */
const MANY_TABLES = 3;
const FEW_TABLES = 2;

export function SummaryCard(props: { lang: Lang; result: CheckResult; filter: Severity | null; onFilter(s: Severity | null): void; onClear(): void; busy: boolean }): React.ReactElement {
  const { lang, result, filter, onFilter } = props;
  const s = useStyles();
  const explainedN = result.findings.filter((f) => f.explained !== undefined).length;
  const pair = (label: string, stated: string | null, computed: string | null) => (
    <span>
      {`${label} `}
      <span className={stated !== null && stated !== computed ? s.mismatch : undefined}>{stated ?? '—'}</span>
      {` · ${t(lang, 'computedShort')} ${computed ?? '—'}`}
    </span>
  );
  // A workbook of many tables keeps the card short, so that the first findings are on the first screen.
  const [allTables, setAllTables] = React.useState(false);
  const many = result.info.length > MANY_TABLES;
  const tables = many && !allTables ? result.info.slice(0, FEW_TABLES) : result.info;
  return (
    <Card className={s.card} data-testid="summary" size="small">
      <Subtitle2 as="h2">{t(lang, 'summary')}</Subtitle2>
      {tables.map((info, i) => (
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
      {many && (
        <Button size="small" appearance="transparent" className={s.moreTables} aria-expanded={allTables} onClick={() => setAllTables(!allTables)} data-testid="more-tables">
          {allTables ? t(lang, 'fewerTables') : t(lang, 'moreTables', { n: result.info.length - FEW_TABLES })}
        </Button>
      )}
      <div className={s.chips} role="group" aria-label={t(lang, 'filter')} data-testid="counts">
        <SeverityChips lang={lang} counts={counts(result.findings)} filter={filter} onFilter={onFilter} />
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
  /** Set after 检查: the first finding takes the focus, then the list calls onFocused. */
  focusFirst?: boolean;
  onFocused?(): void;
  /** More content for an opened finding, below what the rule checks. */
  children?(f: Finding): React.ReactNode;
}

/** Rows drawn beyond the window's edges, so that a fast scroll does not show blank space. */
const OVERSCAN = 400;
/** The height of the sticky headers (a severity and a group) that cover the list's top while it scrolls. */
const STUCK = ROW_HEIGHT.severity + ROW_HEIGHT.group;

/**
 * The findings by kind: errors, then warnings, then notes; in each, one collapsible group per rule with its count and
 * plain name; in a group, the cells under a heading per table. Only the rows in view are in the page, so 1,800
 * findings cost what 30 do. One tab stop: the arrow keys walk the groups and findings, Right and Left open and close,
 * Enter selects a finding's cell in Excel. A cause names what it causes (影响：B6 合计), a total its cause (原因：…).
 */
export function FindingList(props: ListProps): React.ReactElement {
  const { lang, result, filter, plan, fixOf, busy } = props;
  const s = useStyles();
  const findings = result.findings;
  const [closed, setClosed] = React.useState<ReadonlySet<string>>(new Set());
  const [opened, setOpened] = React.useState<ReadonlySet<number>>(new Set());
  const [active, setActive] = React.useState<string | null>(null);
  const [measured, setMeasured] = React.useState<ReadonlyMap<string, number>>(new Map());
  const listRef = React.useRef<HTMLDivElement>(null);
  const pendingFocus = React.useRef<string | null>(null);
  // After 改为: the findings that followed the fixed one, to find the next again in the re-checked list.
  const nextAfterFix = React.useRef<{ from: CheckResult; ids: string[] } | null>(null);
  const view = useViewport(listRef);

  const links = React.useMemo(() => findingLinks(findings, result.tables), [findings, result.tables]);
  const rows = React.useMemo(() => buildRows(findings, { filter, closed, opened, links }), [findings, filter, closed, opened, links]);
  const { tops, height } = React.useMemo(() => layout(rows, measured), [rows, measured]);
  const index = React.useMemo(() => new Map(rows.map((r, k) => [r.key, k])), [rows]);
  const tableName = (ti: number | null) => {
    if (ti === null) return t(lang, 'workbook');
    const info = result.info[ti];
    const kind = t(lang, info.kind);
    return kind === info.sheet ? info.sheet : `${info.sheet} · ${kind}`;
  };

  // A new check (new tables): opened details belong to the old findings. The same check with a finding marked
  // 已说明 keeps its tables, and what is open stays open.
  const seen = React.useRef(result.tables);
  React.useEffect(() => {
    if (seen.current === result.tables) return;
    seen.current = result.tables;
    setOpened(new Set());
    setMeasured(new Map());
  }, [result.tables]);

  const firstFinding = rows.find((r) => r.kind === 'finding');
  const activeKey = active !== null && index.has(active) ? active : (firstFinding ?? rows.find(focusable))?.key ?? null;

  /** Puts the focus on a row: drawn (it may be outside the window), scrolled into view clear of the sticky headers. */
  const focusRow = React.useCallback(
    (key: string) => {
      const k = index.get(key);
      const list = listRef.current;
      if (k === undefined || !list) return;
      setActive(key);
      pendingFocus.current = key;
      const h = rows[k].kind === 'details' ? 0 : ROW_HEIGHT[rows[k].kind as Exclude<Row['kind'], 'details'>];
      const top = list.getBoundingClientRect().top + tops[k];
      const clear = view.stickyTop + (rows[k].kind === 'finding' ? STUCK : ROW_HEIGHT.severity);
      if (top < clear) scrollBy(0, top - clear);
      else if (top + h > innerHeight) scrollBy(0, top + h - innerHeight);
    },
    [index, rows, tops, view.stickyTop],
  );

  React.useLayoutEffect(() => {
    const key = pendingFocus.current;
    if (!key) return;
    const el = listRef.current?.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(key)}"] [data-focus-target]`);
    if (!el) return;
    pendingFocus.current = null;
    el.focus({ preventScroll: true });
  });

  // After 检查 the first finding; after 改为 the finding that came next (the fixed one is gone from the new check).
  React.useEffect(() => {
    if (nextAfterFix.current && nextAfterFix.current.from !== result) {
      const want = nextAfterFix.current.ids;
      const byId = new Map<string, number>();
      findings.forEach((f, i) => byId.has(findingId(f)) || byId.set(findingId(f), i));
      const hit = want.map((id) => byId.get(id)).find((i) => i !== undefined && index.has(`f:${i}`));
      nextAfterFix.current = null;
      const to = hit !== undefined ? `f:${hit}` : firstFinding?.key;
      if (to) focusRow(to);
    }
  }, [result, findings, index, firstFinding, focusRow]);
  React.useEffect(() => {
    if (!props.focusFirst) return;
    props.onFocused?.();
    if (firstFinding) focusRow(firstFinding.key);
  }, [props.focusFirst, props.onFocused, firstFinding, focusRow]);

  const toggleGroup = (group: string, to?: boolean) =>
    setClosed((prev) => {
      const next = new Set(prev);
      if (to ?? next.has(group)) next.delete(group);
      else next.add(group);
      return next;
    });
  const toggleFinding = (i: number, to?: boolean) =>
    setOpened((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(i)) next.add(i);
      else next.delete(i);
      return next;
    });
  const go = (i: number) => {
    const f = findings[i];
    setClosed((prev) => {
      const next = new Set(prev);
      next.delete(`${f.severity}|${f.rule}`);
      return next;
    });
    // The group may open with this render; the row is focused once it exists.
    requestAnimationFrame(() => focusRowRef.current(`f:${i}`));
  };
  const focusRowRef = React.useRef(focusRow);
  focusRowRef.current = focusRow;

  const fix = (w: FindingFix, f: Finding) => {
    const k = index.get(`f:${findings.indexOf(f)}`) ?? -1;
    const ids = rows
      .slice(k + 1)
      .filter((r): r is Extract<Row, { kind: 'finding' }> => r.kind === 'finding')
      .map((r) => findingId(findings[r.i]));
    nextAfterFix.current = { from: result, ids };
    props.onFix(w, f);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const host = (e.target as HTMLElement).closest<HTMLElement>('[data-row-key]');
    const k = host ? index.get(host.dataset.rowKey!) : undefined;
    if (k === undefined || !(e.target as HTMLElement).hasAttribute('data-focus-target')) return;
    const row = rows[k];
    const step = (dir: 1 | -1) => {
      for (let j = k + dir; j >= 0 && j < rows.length; j += dir) if (focusable(rows[j])) return focusRow(rows[j].key);
    };
    const edge = (last: boolean) => {
      const list = last ? [...rows].reverse() : rows;
      const r = list.find(focusable);
      if (r) focusRow(r.key);
    };
    const keys: Record<string, () => void> = {
      ArrowDown: () => step(1),
      ArrowUp: () => step(-1),
      Home: () => edge(false),
      End: () => edge(true),
      ArrowRight: () => {
        if (row.kind === 'group') {
          if (row.open) step(1);
          else toggleGroup(row.key.slice(2), true);
        } else if (row.kind === 'finding') toggleFinding(row.i, true);
      },
      ArrowLeft: () => {
        if (row.kind === 'group') toggleGroup(row.key.slice(2), false);
        else if (row.kind === 'finding') {
          if (opened.has(row.i)) toggleFinding(row.i, false);
          else focusRow(`g:${row.group}`);
        }
      },
    };
    if (keys[e.key]) {
      e.preventDefault();
      keys[e.key]();
    }
  };

  // One observer measures every opened finding's details.
  const observer = React.useMemo(
    () =>
      typeof ResizeObserver === 'function'
        ? new ResizeObserver((entries) =>
            setMeasured((prev) => {
              let next: Map<string, number> | null = null;
              for (const en of entries) {
                const key = (en.target as HTMLElement).dataset.measure!;
                const h = Math.ceil((en.target as HTMLElement).offsetHeight);
                if (prev.get(key) !== h) (next ??= new Map(prev)).set(key, h);
              }
              return next ?? prev;
            }),
          )
        : null,
    [],
  );
  React.useEffect(() => () => observer?.disconnect(), [observer]);
  const measure = (key: string) => (el: HTMLDivElement | null) => {
    if (!el) return;
    el.dataset.measure = key;
    observer?.observe(el);
  };

  if (!rows.length) return <Body1>{t(lang, 'noFindings')}</Body1>;

  const groupHeader = (row: Extract<Row, { kind: 'group' }>, stuck: boolean) => {
    const name = groupName(row.rule, lang, findings[row.first].message);
    const current = !stuck && row.key === activeKey;
    return (
      <h4 className={s.groupHead}>
        <Button
          appearance="subtle"
          className={mergeClasses(s.group, current && s.current)}
          icon={row.open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={row.open}
          aria-label={stuck ? undefined : t(lang, 'groupToggle', { name, n: row.count })}
          tabIndex={stuck || !current ? -1 : 0}
          onClick={() => toggleGroup(row.key.slice(2))}
          onFocus={stuck ? undefined : () => setActive(row.key)}
          data-focus-target={stuck ? undefined : ''}
          data-testid={stuck ? 'sticky-group' : 'group'}
          data-group-rule={row.rule}
          data-count={row.count}
          title={name}
        >
          <span className={s.groupName}>{name}</span>
          <span className={s.count}>{`· ${row.count}${row.explained ? ` · ${t(lang, 'explainedShort', { n: row.explained })}` : ''}`}</span>
        </Button>
      </h4>
    );
  };
  const sevHeader = (row: Extract<Row, { kind: 'severity' }>, stuck: boolean) => (
    <Subtitle2 as="h3" className={s.sev} data-testid={stuck ? 'sticky-severity' : 'severity'} data-severity={row.sev}>
      <SeverityIcon sev={row.sev} filled />
      {`${t(lang, row.sev)} · ${row.count}${row.explained ? ` · ${t(lang, 'explainedShort', { n: row.explained })}` : ''}`}
    </Subtitle2>
  );

  const draw = (row: Row, k: number): React.ReactNode => {
    if (row.kind === 'severity') return sevHeader(row, false);
    if (row.kind === 'group') return groupHeader(row, false);
    if (row.kind === 'table')
      return (
        <Caption1 as="p" className={s.table} data-testid="table-heading">
          {tableName(row.table)}
        </Caption1>
      );
    const f = findings[row.i];
    if (row.kind === 'details')
      return (
        <FindingDetails
          ref={measure(row.key)}
          id={`finding-details-${row.i}`}
          lang={lang}
          f={f}
          findings={findings}
          links={links.get(row.i)}
          fix={plan ? fixOf(f) : null}
          busy={busy}
          onFix={fix}
          onGo={go}
          extra={
            <>
              <FindingHelp lang={lang} finding={f} busy={busy} onExplain={props.onExplain} />
              {props.children?.(f)}
            </>
          }
        />
      );
    const expanded = opened.has(row.i);
    const current = row.key === activeKey;
    return (
      <div className={mergeClasses(s.item, s[row.sev], current && s.current)} data-current={current}>
        <Button
          appearance="subtle"
          className={s.finding}
          tabIndex={current ? 0 : -1}
          aria-current={current || undefined}
          onFocus={() => setActive(row.key)}
          onClick={() => {
            setActive(row.key);
            props.onSelect(f);
          }}
          data-focus-target=""
          data-testid="finding"
          data-cell={`${f.sheet}!${f.cell}`}
          data-rule={f.rule}
          data-severity={f.severity}
          data-row={k}
        >
          <span className={s.cell}>{f.ref ? f.cell : t(lang, 'workbook')}</span>
          <span className={s.message}>
            {f.explained !== undefined && <span className={s.explainedTag} data-testid="explained-tag">{`${t(lang, 'explainedTag')} `}</span>}
            {f.message}
          </span>
        </Button>
        <Button
          appearance="subtle"
          size="small"
          className={s.toggle}
          icon={expanded ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-label={`${t(lang, 'details')} ${f.sheet}!${f.cell}`}
          aria-expanded={expanded}
          aria-controls={expanded ? `finding-details-${row.i}` : undefined}
          tabIndex={-1}
          onClick={() => toggleFinding(row.i)}
          data-testid="finding-toggle"
        />
      </div>
    );
  };

  // The rows in view, and the focused one wherever it is (so that Tab always finds the list's one stop).
  const from = rowAt(tops, view.top - OVERSCAN);
  const to = rowAt(tops, view.bottom + OVERSCAN);
  const drawn = new Set<number>();
  for (let k = from; k <= to && k < rows.length; k++) drawn.add(k);
  const activeAt = activeKey ? index.get(activeKey) : undefined;
  if (activeAt !== undefined) drawn.add(activeAt);

  // The severity and group the top of the view is in, stuck over it once their own headers have scrolled away.
  // (The row looked at is the first one below where the stuck headers end.)
  const topRow = rowAt(tops, view.top + STUCK);
  let sevRow: Extract<Row, { kind: 'severity' }> | null = null;
  let sevAt = -1;
  let groupRow: Extract<Row, { kind: 'group' }> | null = null;
  let groupAt = -1;
  for (let k = topRow; k >= 0; k--) {
    const r = rows[k];
    if (!groupRow && r.kind === 'group') [groupRow, groupAt] = [r, k];
    if (r.kind === 'severity') {
      [sevRow, sevAt] = [r, k];
      break;
    }
  }
  const stuckSev = sevRow && view.top > tops[sevAt] ? sevRow : null;
  const stuckGroup = stuckSev && groupRow && groupAt > sevAt && view.top + ROW_HEIGHT.severity > tops[groupAt] ? groupRow : null;

  return (
    <div ref={listRef} className={s.list} aria-label={t(lang, 'findings')} role="region" data-testid="findings" data-total={findings.length} onKeyDown={onKeyDown}>
      <div className={s.sticky} style={{ top: `${view.stickyTop}px` }} aria-hidden={stuckSev ? true : undefined}>
        {stuckSev && (
          <div className={s.stuck} data-testid="sticky">
            {sevHeader(stuckSev, true)}
            {stuckGroup && groupHeader(stuckGroup, true)}
          </div>
        )}
      </div>
      <div className={s.canvas} style={{ height: `${height}px` }}>
        {[...drawn]
          .sort((a, b) => a - b)
          .map((k) => (
            <div key={rows[k].key} className={s.row} style={{ top: `${tops[k]}px`, height: rows[k].kind === 'details' ? undefined : `${ROW_HEIGHT[rows[k].kind as Exclude<Row['kind'], 'details'>]}px` }} data-row-key={rows[k].key}>
              {draw(rows[k], k)}
            </div>
          ))}
      </div>
    </div>
  );
}
