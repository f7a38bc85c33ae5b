import * as React from 'react';
import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorCircleFilled, ErrorCircleRegular, InfoFilled, InfoRegular, WarningFilled, WarningRegular } from '@fluentui/react-icons';
import type { Severity } from '../../core/rules/types';

const ICONS = {
  error: [ErrorCircleRegular, ErrorCircleFilled],
  warning: [WarningRegular, WarningFilled],
  info: [InfoRegular, InfoFilled],
} as const;

export const useSeverityColours = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1 },
  warning: { color: tokens.colorPaletteMarigoldForeground1 },
  info: { color: tokens.colorPaletteBlueForeground2 },
});

/** A severity's own shape (circle, triangle, i), so that it never rests on colour alone; filled where selected. */
export function SeverityIcon({ sev, filled = false, className }: { sev: Severity; filled?: boolean; className?: string }): React.ReactElement {
  const Icon = ICONS[sev][filled ? 1 : 0];
  const c = useSeverityColours();
  return <Icon aria-hidden className={className ? `${c[sev]} ${className}` : c[sev]} data-severity-icon={sev} />;
}
