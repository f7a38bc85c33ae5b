import * as React from 'react';
import { Button, Caption1, Checkbox, Subtitle2, Switch, makeStyles, tokens, useArrowNavigationGroup } from '@fluentui/react-components';
import type { CellWrite, WriteGroup, WritePlan } from '../core/plan';
import type { Lang } from '../core/rules/types';
import { t } from './i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '6px' },
  group: { display: 'flex', flexDirection: 'column', gap: '2px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '4px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
  item: { display: 'flex', flexDirection: 'column', padding: '2px 6px 4px 30px', overflowWrap: 'anywhere' },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
  mono: { fontFamily: tokens.fontFamilyMonospace },
  note: { color: tokens.colorNeutralForeground3 },
  actions: {
    position: 'sticky',
    bottom: 0,
    display: 'flex',
    gap: '8px',
    padding: '8px 0',
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `1px solid ${tokens.colorNeutralStroke2}`,
  },
});

const GROUPS: WriteGroup[] = ['fix', 'text', 'fill', 'live'];

/** Esc closes a preview as 取消 does (from anywhere inside it, except a menu or popup that handles Esc itself). */
const onEscape = (cancel: () => void, busy: boolean) => (e: React.KeyboardEvent) => {
  if (e.key !== 'Escape' || e.defaultPrevented || busy) return;
  e.preventDefault();
  cancel();
};
const key = (w: CellWrite) => `${w.sheet}!${w.cell}`;

/**
 * 写回预览: the writes in groups (修正错误, 文本转数字, 填入空白, 手填数改为公式), each group and each cell with a box to
 * leave it out. A cell shows what it displays now and after, the formula on its own line and the findings it
 * answers. 手填数改为公式 changes nothing a reader sees, so it is off, and its cells hidden, until switched on. A cell
 * that another chosen cell needs (a text number under a total) is written with it.
 */
export function PlanPreview(props: { lang: Lang; plan: WritePlan; closure(plan: WritePlan, keys: Iterable<string>): CellWrite[]; onApply(writes: CellWrite[]): void; onCancel(): void; busy: boolean }): React.ReactElement {
  const { lang, plan } = props;
  const s = useStyles();
  const [chosen, setChosen] = React.useState<Set<string>>(() => new Set(plan.writes.filter((w) => w.group !== 'live').map(key)));
  const [live, setLive] = React.useState(false);
  const effective = props.closure(plan, chosen);
  const on = new Set(effective.map(key));
  const set = (keys: string[], to: boolean) =>
    setChosen((prev) => {
      const next = new Set(prev);
      for (const k of keys) {
        if (to) next.add(k);
        else {
          next.delete(k);
          // whatever needs the cell left out is left out with it
          for (const w of plan.writes) if (next.has(key(w)) && props.closure(plan, [key(w)]).some((x) => key(x) === k)) next.delete(key(w));
        }
      }
      return next;
    });
  // The groups and their cells are one tab stop, walked with the arrow keys; Tab goes on to 应用.
  const arrows = useArrowNavigationGroup({ axis: 'vertical', memorizeCurrent: true });
  const toggleLive = (to: boolean) => {
    setLive(to);
    set(plan.writes.filter((w) => w.group === 'live').map(key), to);
  };

  return (
    <section aria-label={t(lang, 'previewTitle')} className={s.box} data-testid="plan" onKeyDown={onEscape(props.onCancel, props.busy)}>
      <Subtitle2 as="h2">{t(lang, 'previewTitle')}</Subtitle2>
      <Caption1 data-testid="plan-count">{t(lang, 'planCount', { n: effective.length })}</Caption1>
      <div className={s.box} {...arrows} data-testid="plan-items">
      {GROUPS.map((g) => {
        const items = plan.writes.filter((w) => w.group === g);
        if (!items.length) return null;
        const n = items.filter((w) => on.has(key(w))).length;
        const shown = g !== 'live' || live;
        return (
          <div key={g} className={s.group} data-testid={`plan-group-${g}`}>
            {g === 'live' ? (
              <Switch checked={live} onChange={(_, d) => toggleLive(d.checked)} label={`${t(lang, 'group-live')} (${items.length})`} data-testid="plan-live" />
            ) : (
              <Checkbox checked={n === items.length ? true : n ? 'mixed' : false} onChange={(_, d) => set(items.map(key), !!d.checked)} label={`${t(lang, `group-${g}`)} (${items.length})`} data-testid="plan-group-box" />
            )}
            {g === 'live' && <Caption1 className={s.note}>{t(lang, 'liveHint')}</Caption1>}
            {shown && (
              <ul className={s.list}>
                {items.map((w) => (
                  <li key={key(w)} data-testid="plan-item" data-cell={key(w)} data-formula={w.formula ?? ''} data-group={g} data-on={on.has(key(w))}>
                    <Checkbox
                      checked={on.has(key(w))}
                      onChange={(_, d) => set([key(w)], !!d.checked)}
                      label={
                        <>
                          <span className={s.cell}>{`${w.sheet}!${w.cell}`}</span>
                          {` · ${w.label}`}
                        </>
                      }
                    />
                    <div className={s.item}>
                      <span className={s.mono} data-testid="plan-change">{`${w.was || t(lang, 'empty')} → ${w.shows || t(lang, 'empty')}`}</span>
                      {w.formula && <Caption1 className={s.mono}>{t(lang, 'fixFormula', { f: w.formula })}</Caption1>}
                      {w.resolves.map((m, i) => (
                        <Caption1 key={i} className={s.note}>
                          {t(lang, 'resolves', { m })}
                        </Caption1>
                      ))}
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
      </div>
      <div className={s.actions}>
        <Button appearance="primary" onClick={() => props.onApply(effective)} disabled={props.busy || !effective.length} data-testid="apply">
          {t(lang, 'apply')}
        </Button>
        <Button onClick={props.onCancel} disabled={props.busy} data-testid="cancel-plan">
          {t(lang, 'cancel')}
        </Button>
      </div>
    </section>
  );
}

/** 撤销 shows what it will put back before it does. */
export function UndoPreview(props: {
  lang: Lang;
  changes: Array<{ sheet: string; cell: string; now: string; restore: string }>;
  skipped: string[];
  foreign: number;
  onUndo(): void;
  onCancel(): void;
  onDropForeign(): void;
  busy: boolean;
}): React.ReactElement {
  const { lang } = props;
  const s = useStyles();
  return (
    <section aria-label={t(lang, 'undoTitle')} className={s.box} data-testid="undo-preview" onKeyDown={onEscape(props.onCancel, props.busy)}>
      <Subtitle2 as="h2">{t(lang, 'undoTitle')}</Subtitle2>
      <Caption1>{t(lang, 'undoCount', { n: props.changes.length })}</Caption1>
      <ul className={s.list}>
        {props.changes.map((c) => (
          <li key={`${c.sheet}!${c.cell}`} className={s.item} data-testid="undo-item" data-cell={`${c.sheet}!${c.cell}`}>
            <span className={s.cell}>{`${c.sheet}!${c.cell}`}</span>
            <span className={s.mono}>{`${c.now || t(lang, 'empty')} → ${c.restore || t(lang, 'empty')}`}</span>
          </li>
        ))}
      </ul>
      {props.skipped.length > 0 && <Caption1 data-testid="undo-skipped">{t(lang, 'undoSkipped', { cells: props.skipped.join('、') })}</Caption1>}
      {props.foreign > 0 && (
        <Caption1 data-testid="undo-foreign">
          {t(lang, 'foreignUndo', { n: props.foreign })}{' '}
          <Button size="small" onClick={props.onDropForeign} disabled={props.busy} data-testid="drop-foreign">
            {t(lang, 'dropForeign')}
          </Button>
        </Caption1>
      )}
      <div className={s.actions}>
        <Button appearance="primary" onClick={props.onUndo} disabled={props.busy} data-testid="confirm-undo">
          {t(lang, 'undo')}
        </Button>
        <Button onClick={props.onCancel} disabled={props.busy} data-testid="cancel-undo">
          {t(lang, 'cancel')}
        </Button>
      </div>
    </section>
  );
}
