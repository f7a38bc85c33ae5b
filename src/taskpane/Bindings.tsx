import * as React from 'react';
import { Body1, Button, Caption1, Dropdown, Option, Subtitle2, makeStyles } from '@fluentui/react-components';
import type { CheckResult } from '../core/check';
import type { Lang } from '../core/rules/types';
import { areaA1 } from '../core/snapshot';
import { quoteSheet } from '../core/formula/tokens';
import { roleName } from '../core/role-names';
import { t } from './i18n';

type Engine = typeof import('./engine');

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0, overflowWrap: 'anywhere' },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  roles: { margin: 0, paddingLeft: '18px' },
  list: { margin: 0, padding: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: '6px' },
  item: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0 },
  picker: { minWidth: 0, maxWidth: '100%' },
  wrap: { whiteSpace: 'normal', height: 'auto', minWidth: 0, maxWidth: '100%' },
});

interface Props {
  lang: Lang;
  result: CheckResult | null;
  engine: Engine | null;
  busy: boolean;
  /** Binds a range (null: the selection) with label mappings, then checks again. */
  onBind(kind: 'basic' | 'self', address: string | null, labels?: Record<string, string>): void;
  onUnbind(kind: 'basic' | 'self'): void;
  /** Undoes one label mapping of a bound table, then checks again. */
  onUnmap(kind: 'basic' | 'self', label: string): void;
}

const NONE = '';

/**
 * One list for a range's unknown labels: each with the role proposed for it (or none), to confirm or correct, and a
 * single confirm that binds them all and checks once.
 */
function MappingProposal({ lang, engine, kind, labels, taken, busy, onConfirm }: { lang: Lang; engine: Engine; kind: 'basic' | 'self'; labels: string[]; taken: string[]; busy: boolean; onConfirm(labels: Record<string, string>): void }) {
  const s = useStyles();
  const targets = React.useMemo(() => engine.roleTargets(kind), [engine, kind]);
  const proposed = React.useMemo(() => engine.proposeMapping(kind, labels, taken), [engine, kind, labels, taken]);
  const shown = React.useMemo(() => labels.filter((l) => !engine.neverProposed(l)), [engine, labels]);
  const [picked, setPicked] = React.useState<Record<string, string>>(() => Object.fromEntries(proposed.map((p) => [p.label, p.target.key])));
  const nameOf = (key: string) => {
    const target = targets.find((x) => x.key === key);
    return target ? engine.targetName(target, lang) : t(lang, 'noMeaning');
  };
  const chosen = Object.entries(picked).filter(([, key]) => key !== NONE);
  if (!shown.length) return null;
  return (
    <div className={s.box} data-testid="proposal">
      <Subtitle2 as="h3">{t(lang, 'proposalTitle')}</Subtitle2>
      <Caption1>{t(lang, 'proposalIntro')}</Caption1>
      <ul className={s.list}>
        {shown.map((label) => {
          const key = picked[label] ?? NONE;
          return (
            <li key={label} className={s.item} data-testid="proposal-item" data-label={label} data-role={key}>
              <Caption1>{label}</Caption1>
              <Dropdown
                className={s.picker}
                aria-label={t(lang, 'proposalPick', { label })}
                value={nameOf(key)}
                selectedOptions={[key]}
                onOptionSelect={(_, d) => setPicked((p) => ({ ...p, [label]: d.optionValue ?? NONE }))}
                data-testid="proposal-pick"
              >
                <Option value={NONE}>{t(lang, 'noMeaning')}</Option>
                {targets.map((x) => (
                  <Option key={x.key} value={x.key}>
                    {engine.targetName(x, lang)}
                  </Option>
                ))}
              </Dropdown>
            </li>
          );
        })}
      </ul>
      <Button
        appearance="primary"
        className={s.wrap}
        disabled={busy || !chosen.length}
        onClick={() => onConfirm(Object.fromEntries(chosen.map(([label, key]) => [label, targets.find((x) => x.key === key)!.canonical])))}
        data-testid="confirm-mapping"
      >
        {t(lang, 'confirmMapping')}
      </Button>
    </div>
  );
}

/** The label mappings a person set for a bound table, each one undoable. */
function MappedLabels({ lang, engine, kind, labels, busy, onUnmap }: { lang: Lang; engine: Engine; kind: 'basic' | 'self'; labels: Record<string, string>; busy: boolean; onUnmap(label: string): void }) {
  const s = useStyles();
  const targets = React.useMemo(() => engine.roleTargets(kind), [engine, kind]);
  const entries = Object.entries(labels);
  if (!entries.length) return null;
  return (
    <div className={s.box} data-testid="mapped">
      <Caption1>{t(lang, 'mappedTitle')}</Caption1>
      <ul className={s.list}>
        {entries.map(([label, canonical]) => {
          const target = targets.find((x) => x.canonical === canonical);
          return (
            <li key={label} className={s.item} data-testid="mapped-item" data-label={label}>
              <Caption1>{`${label} → ${target ? engine.targetName(target, lang) : canonical}`}</Caption1>
              <Button size="small" disabled={busy} aria-label={t(lang, 'undoMappingOf', { label })} onClick={() => onUnmap(label)} data-testid="undo-mapping">
                {t(lang, 'undoMapping')}
              </Button>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Target keys a located table already binds, so that no label is proposed for them again. */
function takenKeys(table: CheckResult['tables'][number]): string[] {
  if (table.kind === 'basic') return [...table.rows.filter((r) => r.role !== 'other').map((r) => `basicRow.${r.role}`), ...table.columns.map((c) => `moneyCol.${c.role}`)];
  return table.funds.map((f) => `fundRow.${f.role}`);
}

/** What was bound for each table, and the controls to bind a range by hand and map the labels it did not know. */
export function Bindings({ lang, result, engine, busy, onBind, onUnbind, onUnmap }: Props): React.ReactElement {
  const s = useStyles();
  return (
    <section aria-label={t(lang, 'tablesFound')} className={s.box}>
      <Subtitle2 as="h2">{t(lang, 'tablesFound')}</Subtitle2>
      {!result && <Body1 data-testid="bind-how">{t(lang, 'bindBeforeCheck')}</Body1>}
      {result && !result.tables.length && (
        <Body1 data-testid="bind-how">{t(lang, 'bindHowTo')}</Body1>
      )}
      {result?.tables.map((table, i) => {
        const binding = result.bindings.find((b) => b.sheet === table.sheet && b.kind === table.kind && b.area.top <= table.range.top && b.area.bottom >= table.range.bottom);
        const bound = !!binding;
        const unknown = table.skipped.filter((x) => x.key === 'unknownRow').map((x) => x.params.label);
        const address = `${quoteSheet(table.sheet)}!${result.info[i].range}`;
        const roles =
          table.kind === 'basic'
            ? [...table.columns.map((c) => `${roleName('moneyCol', c.role, lang)} ← ${c.header.text}`), ...table.rows.filter((r) => r.role !== 'other').map((r) => `${roleName('basicRow', r.role, lang)} ← ${r.label.text}`)]
            : [
                ...table.funds.map((f) => `${roleName('fundRow', f.role, lang)} ← ${f.label.text}`),
                ...table.levels.map((l) => `${l.key ? roleName('level', l.key, lang) : t(lang, 'unknownLevel')} ← ${l.label.text}${t(lang, 'indicatorCount', { n: l.indicators.length })}`),
              ];
        return (
          <div key={i} className={s.box} data-testid="table-binding">
            <Caption1>{`${t(lang, table.kind)} · ${result.info[i].sheet}!${result.info[i].range} · ${roleName('layout', table.layout, lang)}${bound ? ` · ${t(lang, 'boundByHand')}` : ''}`}</Caption1>
            <details>
              <summary>{t(lang, 'rolesFound', { n: roles.length })}</summary>
              <ul className={s.roles}>
                {roles.map((r) => (
                  <li key={r}>
                    <Caption1>{r}</Caption1>
                  </li>
                ))}
              </ul>
            </details>
            {engine && unknown.length > 0 && <MappingProposal key={unknown.join('|')} lang={lang} engine={engine} kind={table.kind} labels={unknown} taken={takenKeys(table)} busy={busy} onConfirm={(labels) => onBind(table.kind, address, labels)} />}
            {engine && binding && <MappedLabels lang={lang} engine={engine} kind={table.kind} labels={binding.labels} busy={busy} onUnmap={(label) => onUnmap(table.kind, label)} />}
          </div>
        );
      })}
      {engine &&
        result?.emptyBindings.map((b) => {
          const address = `${quoteSheet(b.sheet)}!${areaA1(b.area)}`;
          return (
            <div key={b.source} className={s.box} data-testid="empty-binding">
              <Caption1>{t(lang, 'emptyBinding', { range: address, kind: t(lang, b.kind) })}</Caption1>
              <MappingProposal lang={lang} engine={engine} kind={b.kind} labels={engine.rangeLabels(result.snapshot, b)} taken={[]} busy={busy} onConfirm={(labels) => onBind(b.kind, address, labels)} />
              <MappedLabels lang={lang} engine={engine} kind={b.kind} labels={b.labels} busy={busy} onUnmap={(label) => onUnmap(b.kind, label)} />
            </div>
          );
        })}
      <div className={s.row}>
        <Button onClick={() => onBind('basic', null)} disabled={busy} className={s.wrap} data-testid="bind-basic">
          {t(lang, 'bindBasic')}
        </Button>
        <Button onClick={() => onBind('self', null)} disabled={busy} className={s.wrap} data-testid="bind-self">
          {t(lang, 'bindSelf')}
        </Button>
        <Button onClick={() => onUnbind('basic')} disabled={busy || !result?.bindings.some((b) => b.kind === 'basic')} className={s.wrap} data-testid="unbind-basic">
          {`${t(lang, 'unbind')} · ${t(lang, 'basic')}`}
        </Button>
        <Button onClick={() => onUnbind('self')} disabled={busy || !result?.bindings.some((b) => b.kind === 'self')} className={s.wrap} data-testid="unbind-self">
          {`${t(lang, 'unbind')} · ${t(lang, 'self')}`}
        </Button>
      </div>
    </section>
  );
}
