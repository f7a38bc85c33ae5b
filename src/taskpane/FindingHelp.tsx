import * as React from 'react';
import { Badge, Button, Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { explainable, ruleHelp } from '../core/rule-help';
import { REASON_MAX } from '../core/explained';
import type { Finding, Lang } from '../core/rules/types';
import { t } from './i18n';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '4px', minWidth: 0, overflowWrap: 'anywhere' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '4px 8px', alignItems: 'center' },
  head: { fontWeight: tokens.fontWeightSemibold },
  reason: { minWidth: 0, flexGrow: 1 },
});

/** Writes text to the clipboard: the async API where the page may use it, else the older copy command. */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // The add-in's frame may not be allowed the async clipboard; the copy command below still is.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const ok = document.execCommand('copy');
  area.remove();
  return ok;
}

interface Props {
  lang: Lang;
  finding: Finding;
  busy: boolean;
  /** Marks the finding 已说明 with a reason, or takes that back (null); absent where nothing is written (审核模式). */
  onExplain?(f: Finding, reason: string | null): void;
}

/**
 * The opened finding's help: why the rule matters and how to clear it (data/rule-help.json), 已说明 with its reason
 * for the warnings a person may leave, and the rule id, which no text shows, as a copy action.
 */
export function FindingHelp({ lang, finding: f, busy, onExplain }: Props): React.ReactElement {
  const s = useStyles();
  const help = ruleHelp(f.rule, lang);
  const [copied, setCopied] = React.useState(false);
  const [draft, setDraft] = React.useState<string | null>(null);
  const canExplain = !!onExplain && explainable(f.rule);
  const save = () => {
    if (!draft?.trim()) return;
    onExplain!(f, draft);
    setDraft(null);
  };
  return (
    <div className={s.box} data-testid="finding-help">
      {help && (
        <>
          <Caption1 className={s.head}>{help.name}</Caption1>
          <Caption1>
            <span className={s.head}>{t(lang, 'whyItMatters')}</span> {help.why}
          </Caption1>
          <Caption1>
            <span className={s.head}>{t(lang, 'howToFix')}</span> {help.how}
          </Caption1>
        </>
      )}
      {f.explained !== undefined && (
        <div className={s.row} data-testid="explained">
          <Badge appearance="tint" color="informative">
            {t(lang, 'explained')}
          </Badge>
          <Caption1>{f.explained}</Caption1>
          {canExplain && (
            <Button size="small" appearance="subtle" disabled={busy} onClick={() => onExplain!(f, null)} data-testid="unexplain">
              {t(lang, 'unexplain')}
            </Button>
          )}
        </div>
      )}
      {canExplain && f.explained === undefined && draft === null && (
        <div className={s.row}>
          <Button size="small" disabled={busy} onClick={() => setDraft('')} data-testid="explain">
            {t(lang, 'explain')}
          </Button>
        </div>
      )}
      {draft !== null && (
        <div className={s.row}>
          <Input
            className={s.reason}
            size="small"
            value={draft}
            maxLength={REASON_MAX}
            aria-label={t(lang, 'explainReason')}
            placeholder={t(lang, 'explainReason')}
            onChange={(_, d) => setDraft(d.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') save();
              if (e.key === 'Escape') setDraft(null);
            }}
            data-testid="explain-reason"
            autoFocus
          />
          <Button size="small" appearance="primary" disabled={busy || !draft.trim()} onClick={save} data-testid="explain-save">
            {t(lang, 'explainSave')}
          </Button>
          <Button size="small" appearance="subtle" onClick={() => setDraft(null)}>
            {t(lang, 'cancel')}
          </Button>
        </div>
      )}
      <div className={s.row}>
        <Button
          size="small"
          appearance="subtle"
          icon={<CopyRegular />}
          onClick={() => void copyText(f.rule).then(setCopied)}
          data-testid="copy-rule"
        >
          {t(lang, copied ? 'ruleCopied' : 'copyRule')}
        </Button>
      </div>
    </div>
  );
}
