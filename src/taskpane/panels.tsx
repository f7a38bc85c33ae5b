import * as React from 'react';
import { Body1, Button, Caption1, Checkbox, Dropdown, Input, Option, Subtitle2, Switch, makeStyles } from '@fluentui/react-components';
import type { Lang } from '../core/rules/types';
import { t } from './i18n';
import { YearRefusal, yearRefusal } from '../core/year';
import { profileName } from '../core/profiles/built-in';

/**
 * What a host cannot do yet (WPS 表格 today), said where the feature would be: kept with these pages, out of the
 * pane's first load.
 */
const HOST_CANNOT = {
  copy: {
    'zh-CN': 'WPS 表格中暂不能打开带标注的副本。收到的工作簿未作任何改动；可关闭审核模式，在本工作簿中生成审核意见。',
    'en-US': 'WPS Spreadsheets cannot open an annotated copy yet. The received workbook is unchanged; turn review mode off to add the review sheet to this workbook instead.',
  },
  batchBook: {
    'zh-CN': 'WPS 表格中暂不能在新工作簿中打开批量审核的结果；可关闭审核模式，把“汇总”和“问题清单”作为新工作表加入本工作簿。',
    'en-US': 'WPS Spreadsheets cannot open a batch review as a new workbook yet; turn review mode off to add 汇总 and 问题清单 to this workbook as new sheets.',
  },
  newYear: {
    'zh-CN': 'WPS 表格中暂不能新建年度模板。请在 Excel 中打开本工作簿，或用 jixiao 命令行生成模板。',
    'en-US': 'WPS Spreadsheets cannot make a new year’s template yet. Open this workbook in Excel, or make the template with the jixiao command line.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

export const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '8px', minWidth: 0 },
  row: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center' },
  wide: { minWidth: 0, maxWidth: '100%' },
  wrap: { whiteSpace: 'normal', height: 'auto', minWidth: 0, maxWidth: '100%' },
});

/** 审核: the review sheet, a batch of received files, and 审核模式 (nothing written into the received workbook). */
export function ReviewPanel(props: {
  lang: Lang;
  busy: boolean;
  checked: boolean;
  reviewer: boolean;
  /** Whether this host can, in 审核模式, open the annotated copy / the batch report as a new workbook (else: why not). */
  canCopy?: boolean;
  canBatchBook?: boolean;
  onReviewer(v: boolean): void;
  onReviewSheet(): void;
  onBatch(files: File[]): void;
}): React.ReactElement {
  const { lang } = props;
  const s = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const copyWhy = props.reviewer && props.canCopy === false ? HOST_CANNOT.copy[lang] : undefined;
  const batchWhy = props.reviewer && props.canBatchBook === false ? HOST_CANNOT.batchBook[lang] : undefined;
  return (
    <section className={s.panel} aria-label={t(lang, 'tabReview')}>
      <Caption1>{t(lang, 'reviewIntro')}</Caption1>
      <div className={s.row}>
        <Button className={s.wrap} onClick={props.onReviewSheet} disabled={props.busy || !props.checked || !!copyWhy} aria-describedby={copyWhy ? 'review-host-why' : props.checked ? undefined : 'review-why'} data-testid="review">
          {t(lang, 'reviewSheet')}
        </Button>
        <Button className={s.wrap} onClick={() => input.current?.click()} disabled={props.busy || !!batchWhy} aria-describedby={batchWhy ? 'batch-host-why' : undefined} data-testid="batch">
          {t(lang, 'batch')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx,.xls,.docx"
          multiple
          hidden
          aria-hidden="true"
          tabIndex={-1}
          data-testid="batch-files"
          onChange={(e) => {
            const files = Array.from(e.target.files ?? []);
            e.target.value = '';
            if (files.length) props.onBatch(files);
          }}
        />
      </div>
      {!props.checked && (
        <Caption1 id="review-why" data-testid="review-why">
          {t(lang, 'reviewNeedsCheck')}
        </Caption1>
      )}
      {copyWhy && (
        <Caption1 id="review-host-why" data-testid="review-host-why">
          {copyWhy}
        </Caption1>
      )}
      {batchWhy && (
        <Caption1 id="batch-host-why" data-testid="batch-host-why">
          {batchWhy}
        </Caption1>
      )}
      <Switch checked={props.reviewer} onChange={(_, d) => props.onReviewer(d.checked)} label={t(lang, 'reviewer')} aria-describedby="reviewer-does" data-testid="reviewer" />
      <Caption1 id="reviewer-does" data-testid="reviewer-does">
        {t(lang, props.reviewer ? 'reviewerOn' : 'reviewerOff')}
      </Caption1>
    </section>
  );
}

export interface YearOptions {
  year: string;
  newBook: boolean;
  project: boolean;
}

/** 新年度: a blank form for a year, or this workbook rolled forward, as new sheets or a new workbook. */
export function YearPanel(props: {
  lang: Lang;
  busy: boolean;
  canInsertSheets: boolean;
  /** Whether this host can make a template at all (into sheets or as a new workbook); false shows why not. */
  canMake?: boolean;
  /** The workbook's own year: undefined while it is read, null where none was found. */
  fromYear: number | null | undefined;
  value: YearOptions;
  onChange(v: YearOptions): void;
  onMake(roll: boolean): void;
}): React.ReactElement {
  const { lang, value: v, fromYear } = props;
  const s = useStyles();
  const reading = fromYear === undefined;
  const blankWhy = yearRefusal(v.year, false, fromYear ?? null);
  const rollWhy = blankWhy ?? yearRefusal(v.year, true, fromYear ?? null);
  const say = (why: YearRefusal) => t(lang, why.key, why.params);
  if (props.canMake === false)
    return (
      <section className={s.panel} aria-label={t(lang, 'newYear')}>
        <Caption1>{t(lang, 'yearIntro')}</Caption1>
        <Body1 data-testid="year-host-why">{HOST_CANNOT.newYear[lang]}</Body1>
      </section>
    );
  return (
    <section className={s.panel} aria-label={t(lang, 'newYear')}>
      <Caption1>{t(lang, 'yearIntro')}</Caption1>
      <Caption1 data-testid="year-source">{reading ? t(lang, 'yearReading') : fromYear ? t(lang, 'yearFound', { from: fromYear, next: fromYear + 1 }) : t(lang, 'yearUnknown')}</Caption1>
      <div className={s.row}>
        <Caption1 id="year-label">{t(lang, 'year')}</Caption1>
        <Input aria-labelledby="year-label" aria-describedby={blankWhy ? 'year-why' : undefined} aria-invalid={!!blankWhy && !!v.year} type="number" value={v.year} onChange={(_, d) => props.onChange({ ...v, year: d.value })} style={{ width: '100px' }} data-testid="year" />
      </div>
      {!reading && (blankWhy || rollWhy) && (
        <Caption1 id="year-why" role="status" data-testid="year-why">
          {say((blankWhy ?? rollWhy)!)}
        </Caption1>
      )}
      <div className={s.row}>
        <Button className={s.wrap} appearance="primary" onClick={() => props.onMake(true)} disabled={props.busy || reading || !!rollWhy} aria-describedby={rollWhy ? 'year-why' : undefined} data-testid="roll-forward">
          {t(lang, 'rollForward')}
        </Button>
        <Button className={s.wrap} onClick={() => props.onMake(false)} disabled={props.busy || !!blankWhy} aria-describedby={blankWhy ? 'year-why' : undefined} data-testid="blank-template">
          {t(lang, 'blankTemplate')}
        </Button>
      </div>
      <Checkbox checked={v.newBook || !props.canInsertSheets} disabled={!props.canInsertSheets} onChange={(_, d) => props.onChange({ ...v, newBook: !!d.checked })} label={t(lang, 'inNewWorkbook')} data-testid="new-book" />
      {!props.canInsertSheets && <Caption1>{t(lang, 'newBookOnly')}</Caption1>}
      <Checkbox checked={v.project} onChange={(_, d) => props.onChange({ ...v, project: !!d.checked })} label={t(lang, 'projectLayout')} data-testid="project-layout" />
    </section>
  );
}

/** 设置: the scoring profile (saved in the workbook) and the language, which follows Office. */
export function SettingsPanel(props: { lang: Lang; busy: boolean; profile: string; profiles: string[]; onProfile(id: string): void }): React.ReactElement {
  const { lang } = props;
  const s = useStyles();
  return (
    <section className={s.panel} aria-label={t(lang, 'tabSettings')}>
      <Subtitle2 as="h2" id="profile-label">
        {t(lang, 'profile')}
      </Subtitle2>
      <Dropdown className={s.wide} aria-labelledby="profile-label" value={profileName(props.profile, lang)} selectedOptions={[props.profile]} onOptionSelect={(_, d) => d.optionValue && props.onProfile(d.optionValue)} disabled={props.busy} data-testid="profile">
        {props.profiles.map((id) => (
          <Option key={id} value={id}>
            {profileName(id, lang)}
          </Option>
        ))}
      </Dropdown>
      <Body1>{t(lang, 'languageFollows')}</Body1>
    </section>
  );
}
