import * as React from 'react';
import { Body1, Button, Caption1, Tooltip, makeStyles } from '@fluentui/react-components';
import type { FindingLinks } from '../../core/links';
import type { FindingFix } from '../../core/plan';
import type { Finding, Lang } from '../../core/rules/types';
import { t } from '../i18n';
import { shownValue } from '../../core/i18n/shown';
import { expectedIsReference } from '../../core/rule-help';

const useStyles = makeStyles({
  details: { display: 'flex', flexDirection: 'column', gap: '4px', padding: '2px 8px 8px 12px', overflowWrap: 'anywhere', boxSizing: 'border-box' },
  link: { justifyContent: 'flex-start', textAlign: 'left', minWidth: 0, maxWidth: '100%', whiteSpace: 'normal', height: 'auto' },
});

export interface DetailsProps {
  lang: Lang;
  f: Finding;
  findings: readonly Finding[];
  links: FindingLinks | undefined;
  fix: FindingFix | null;
  busy: boolean;
  id: string;
  onFix(fix: FindingFix, f: Finding): void;
  /** Moves to another finding of the list (a cause or what it causes). */
  onGo(i: number): void;
  /** Further content for the opened finding (why it matters, how to clear it, the rule's id to copy). */
  extra?: React.ReactNode;
}

/**
 * An opened finding: its whole message, expected against actual, its fix, then further content (why and how),
 * and its fix. A cause's fix comes before the finding it causes (原因 above the total's own fix; for the cause itself,
 * its fix, then 影响).
 */
export const FindingDetails = React.forwardRef<HTMLDivElement, DetailsProps>(function FindingDetails(p, ref) {
  const { lang, f } = p;
  const s = useStyles();
  const other = (i: number) => p.findings[i];
  const causes = (p.links?.causes ?? []).map((i) => (
    <Button key={`c${i}`} size="small" appearance="secondary" className={s.link} onClick={() => p.onGo(i)} data-testid="link-cause" data-cell={`${other(i).sheet}!${other(i).cell}`}>
      {t(lang, 'causedBy', { cell: other(i).cell, what: t(lang, `cause-${other(i).rule}` as 'cause-value.text-number') })}
    </Button>
  ));
  const effects = (p.links?.effects ?? []).map((i) => (
    <Button key={`e${i}`} size="small" appearance="secondary" className={s.link} onClick={() => p.onGo(i)} data-testid="link-effect" data-cell={`${other(i).sheet}!${other(i).cell}`}>
      {t(lang, 'affects', { cell: other(i).cell })}
    </Button>
  ));
  const w = p.fix;
  return (
    <div ref={ref} id={p.id} className={s.details} data-testid="finding-details">
      <Body1>{f.message}</Body1>
      {(f.expected !== null || f.actual !== null) && (
        <Caption1>
          {f.expected !== null && `${t(lang, expectedIsReference(f.rule) ? 'compareWith' : 'expected')} ${shownValue(f, f.expected)}`}
          {f.expected !== null && f.actual !== null && ' · '}
          {f.actual !== null && `${t(lang, 'actual')} ${shownValue(f, f.actual)}`}
        </Caption1>
      )}
      {causes}
      {w && (
        <Tooltip content={w.formula ? t(lang, 'fixFormula', { f: w.formula }) : w.shows} relationship="description">
          <Button size="small" appearance="primary" className={s.link} disabled={p.busy} onClick={() => p.onFix(w, f)} data-testid="fix-one" data-formula={w.formula ?? ''}>
            {w.also.length ? t(lang, 'fixAlso', { cells: w.also.join(lang === 'zh-CN' ? '、' : ', '), v: w.shows || t(lang, 'empty') }) : t(lang, 'fixTo', { v: w.shows || t(lang, 'empty') })}
          </Button>
        </Tooltip>
      )}
      {effects}
      {p.extra}
    </div>
  );
});
