import * as React from 'react';
import { Button, Caption1, Subtitle2, Tooltip, makeStyles, tokens } from '@fluentui/react-components';
import type { WritePlan } from '../core/plan';
import type { Lang } from '../core/rules/types';
import { t } from './i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '6px' },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: '4px' },
  item: {
    display: 'flex',
    flexDirection: 'column',
    padding: '4px 6px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorBrandForeground1 },
  change: { fontFamily: tokens.fontFamilyMonospace },
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

/**
 * 写回预览 as a list that fits the pane: the cell and its label, then old → new on its own line, the formula in a
 * tooltip; 应用 and 取消 stay at the bottom while the list scrolls.
 */
export function PlanPreview(props: { lang: Lang; plan: WritePlan; describe(before: WritePlan['writes'][number]['before']): string; onApply(): void; onCancel(): void; busy: boolean }): React.ReactElement {
  const { lang, plan } = props;
  const s = useStyles();
  return (
    <section aria-label={t(lang, 'previewTitle')} className={s.box} data-testid="plan">
      <Subtitle2 as="h2">{t(lang, 'previewTitle')}</Subtitle2>
      <Caption1>{t(lang, 'planCount', { n: plan.writes.length })}</Caption1>
      <ul className={s.list}>
        {plan.writes.map((w) => {
          const before = props.describe(w.before);
          const item = (
            <li key={`${w.sheet}!${w.cell}`} className={s.item} tabIndex={0} data-testid="plan-item" data-cell={`${w.sheet}!${w.cell}`} data-formula={w.formula ?? ''}>
              <Caption1>
                <span className={s.cell}>{`${w.sheet}!${w.cell}`}</span>
                {` · ${w.label}`}
              </Caption1>
              <span className={s.change}>{`${before || t(lang, 'empty')} → ${w.shows || t(lang, 'empty')}`}</span>
            </li>
          );
          return w.formula ? (
            <Tooltip key={`${w.sheet}!${w.cell}`} content={t(lang, 'fixFormula', { f: w.formula })} relationship="description">
              {item}
            </Tooltip>
          ) : (
            item
          );
        })}
      </ul>
      <div className={s.actions}>
        <Button appearance="primary" onClick={props.onApply} disabled={props.busy} data-testid="apply">
          {t(lang, 'apply')}
        </Button>
        <Button onClick={props.onCancel} disabled={props.busy} data-testid="cancel-plan">
          {t(lang, 'cancel')}
        </Button>
      </div>
    </section>
  );
}
