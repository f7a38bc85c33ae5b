import * as React from 'react';
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  makeStyles,
  useIsOverflowItemVisible,
  useOverflowMenu,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import type { Lang } from '../core/rules/types';
import { t } from './i18n';

export const TABS = ['results', 'review', 'year', 'tables', 'settings'] as const;
export type PaneTab = (typeof TABS)[number];

export const TAB_LABEL = { results: 'tabResults', review: 'tabReview', year: 'tabYear', tables: 'tabTables', settings: 'tabSettings' } as const;

export function isPaneTab(v: unknown): v is PaneTab {
  return typeof v === 'string' && (TABS as readonly string[]).includes(v);
}

const useStyles = makeStyles({
  list: { minWidth: 0, overflow: 'hidden' },
});

function MoreItem({ tab, lang, onSelect }: { tab: PaneTab; lang: Lang; onSelect(tab: PaneTab): void }) {
  if (useIsOverflowItemVisible(tab)) return null;
  return (
    <MenuItem onClick={() => onSelect(tab)} data-testid={`tab-${tab}-more`}>
      {t(lang, TAB_LABEL[tab])}
    </MenuItem>
  );
}

function More({ lang, onSelect }: { lang: Lang; onSelect(tab: PaneTab): void }) {
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button ref={ref} appearance="transparent" icon={<MoreHorizontalRegular />} aria-label={`${t(lang, 'more')} (${overflowCount})`} data-testid="tab-more" />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {TABS.map((tab) => (
            <MoreItem key={tab} tab={tab} lang={lang} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

/** The pane's pages; those that do not fit the pane's width go into a 更多 menu, the selected one always shows. */
export function PaneTabs({ lang, tab, onSelect }: { lang: Lang; tab: PaneTab; onSelect(tab: PaneTab): void }): React.ReactElement {
  const s = useStyles();
  return (
    <Overflow minimumVisible={2}>
      <TabList className={s.list} size="small" selectedValue={tab} onTabSelect={(_, d) => isPaneTab(d.value) && onSelect(d.value)} aria-label={t(lang, 'paneTabs')}>
        {TABS.map((id) => (
          <OverflowItem key={id} id={id} priority={id === tab ? 2 : 1}>
            <Tab value={id} data-testid={`tab-${id}`}>
              {t(lang, TAB_LABEL[id])}
            </Tab>
          </OverflowItem>
        ))}
        <More lang={lang} onSelect={onSelect} />
      </TabList>
    </Overflow>
  );
}
