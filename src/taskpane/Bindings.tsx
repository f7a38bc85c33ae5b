import * as React from 'react';
import { Button, Caption1, Dropdown, Option, Subtitle2, makeStyles } from '@fluentui/react-components';
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
}

function LabelPicker({ label, ariaLabel, options, onPick }: { lang: Lang; label: string; ariaLabel?: string; options: string[]; onPick(v: string): void }) {
  const s = useStyles();
  return (
    <div className={s.box}>
      <Caption1>{label}</Caption1>
      <Dropdown className={s.picker} aria-label={ariaLabel ?? label} placeholder="—" onOptionSelect={(_, d) => d.optionValue && onPick(d.optionValue)} data-testid="map-label">
        {options.map((o) => (
          <Option key={o} value={o}>
            {o}
          </Option>
        ))}
      </Dropdown>
    </div>
  );
}

/** What was bound for each table, and the controls to bind a range by hand and map the labels it did not know. */
export function Bindings({ lang, result, engine, busy, onBind, onUnbind }: Props): React.ReactElement {
  const s = useStyles();
  return (
    <section aria-label={t(lang, 'tablesFound')} className={s.box}>
      <Subtitle2 as="h2">{t(lang, 'tablesFound')}</Subtitle2>
      {result?.tables.map((table, i) => {
        const bound = result.bindings.some((b) => b.sheet === table.sheet && b.kind === table.kind && b.area.top <= table.range.top && b.area.bottom >= table.range.bottom);
        const unknown = table.skipped.filter((x) => x.key === 'unknownRow').map((x) => x.params.label);
        const missing = table.skipped.filter((x) => x.key === 'missingBlock' || x.key === 'missingColumn').map((x) => x.params.label);
        const address = `${quoteSheet(table.sheet)}!${result.info[i].range}`;
        // Read once per table (rangeLabels only visits the range's cells that exist), not once per missing role.
        const inRange = engine && missing.length ? engine.rangeLabels(result.snapshot, { kind: table.kind, sheet: table.sheet, area: table.range, labels: {}, source: '' }) : [];
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
            {engine &&
              missing.map((role) => (
                <LabelPicker key={`missing-${role}`} lang={lang} label={t(lang, 'whichLabel', { role })} options={inRange} onPick={(v) => onBind(table.kind, address, { [v]: role })} />
              ))}
            {engine &&
              unknown.map((label) => (
                <LabelPicker key={label} lang={lang} label={t(lang, 'mapLabel', { label })} ariaLabel={label} options={engine.canonicalLabels(table.kind)} onPick={(v) => onBind(table.kind, address, { [label]: v })} />
              ))}
          </div>
        );
      })}
      {engine &&
        result?.emptyBindings.map((b) => {
          const address = `${quoteSheet(b.sheet)}!${areaA1(b.area)}`;
          return (
            <div key={b.source} className={s.box} data-testid="empty-binding">
              <Caption1>{t(lang, 'emptyBinding', { range: address, kind: t(lang, b.kind) })}</Caption1>
              {engine.rangeLabels(result.snapshot, b).map((label) => (
                <LabelPicker key={label} lang={lang} label={t(lang, 'mapLabel', { label })} ariaLabel={label} options={engine.canonicalLabels(b.kind)} onPick={(v) => onBind(b.kind, address, { [label]: v })} />
              ))}
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
