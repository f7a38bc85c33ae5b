import * as React from 'react';
import { ToggleButton, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CheckmarkRegular } from '@fluentui/react-icons';
import type { Lang, Severity } from '../../core/rules/types';
import { t } from '../i18n';
import { SEVERITIES } from './rows';
import { SeverityIcon } from './SeverityIcon';

const useStyles = makeStyles({
  chip: { minWidth: 0, gap: '4px' },
  // Selected: a thick outline, bold text and a check mark, not a colour alone; Windows high contrast keeps the outline.
  selected: {
    fontWeight: tokens.fontWeightBold,
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralForeground1}`,
    outlineOffset: '1px',
    '@media (forced-colors: active)': { outlineColor: 'Highlight', forcedColorAdjust: 'none', backgroundColor: 'Highlight', color: 'HighlightText' },
  },
  error: shorthands.borderColor(tokens.colorPaletteRedBorder2),
  warning: shorthands.borderColor(tokens.colorPaletteMarigoldBorder2),
  info: shorthands.borderColor(tokens.colorPaletteBlueBorderActive),
});

/** 全部, 错误, 警告, 提示 with their counts: one of them selected, the list showing that severity (or all). */
export function SeverityChips(props: { lang: Lang; counts: Record<Severity, number>; filter: Severity | null; onFilter(s: Severity | null): void }): React.ReactElement {
  const { lang, counts, filter } = props;
  const s = useStyles();
  const total = counts.error + counts.warning + counts.info;
  const chip = (id: Severity | null, label: string, tone?: Severity) => {
    const on = filter === id;
    return (
      <ToggleButton
        key={id ?? 'all'}
        size="small"
        shape="circular"
        checked={on}
        className={mergeClasses(s.chip, tone && s[tone], on && s.selected)}
        icon={tone ? <SeverityIcon sev={tone} filled={on} /> : on ? <CheckmarkRegular aria-hidden /> : undefined}
        onClick={() => props.onFilter(id === null ? null : on ? null : id)}
        data-testid={`chip-${id ?? 'all'}`}
        data-selected={on}
      >
        {on && tone && <CheckmarkRegular aria-hidden />}
        {label}
      </ToggleButton>
    );
  };
  return (
    <>
      {chip(null, `${t(lang, 'all')} ${total}`)}
      {SEVERITIES.map((sev) => chip(sev, `${t(lang, sev)} ${counts[sev]}`, sev))}
    </>
  );
}
