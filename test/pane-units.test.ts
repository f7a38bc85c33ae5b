import { isLegacyWebview, officeLang, t } from '../src/taskpane/i18n';
import { chunkAddresses } from '../src/host/excel/marks';
import { stateFromXml, stateToXml } from '../src/host/excel/state';

describe('pane helpers', () => {
  it('follows Office display language, zh-CN first', () => {
    expect(officeLang('zh-CN')).toBe('zh-CN');
    expect(officeLang('zh-TW')).toBe('zh-CN');
    expect(officeLang('en-GB')).toBe('en-US');
    expect(officeLang(undefined)).toBe('en-US');
    expect(t('zh-CN', 'written', { n: 3 })).toBe('已写回 3 个单元格，可撤销');
    // English counts one cell and two cells.
    expect(t('en-US', 'written', { n: 1 })).toBe('Wrote 1 cell; undo is available');
    expect(t('en-US', 'written', { n: 2 })).toBe('Wrote 2 cells; undo is available');
    expect(t('en-US', 'resolvedN', { n: 1 })).toBe('1 finding resolved.');
  });
  it('recognises the Trident and EdgeHTML webviews of Office 2016/2019', () => {
    expect(isLegacyWebview('Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko')).toBe(true);
    expect(isLegacyWebview('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0 Safari/537.36 Edge/18.17763')).toBe(true);
    expect(isLegacyWebview('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36 Edg/120.0')).toBe(false);
  });
  it('chunks mark addresses well under the 8k-character limit', () => {
    const cells = Array.from({ length: 5000 }, (_, i) => `B${i + 1}`);
    const chunks = chunkAddresses(cells);
    expect(chunks.every((c) => c.length <= 2000)).toBe(true);
    expect(chunks.join(',').split(',')).toEqual(cells);
  });
  it('keeps the add-in state in a custom XML part, round trip, even with ]]> inside', () => {
    const s = { version: 1 as const, profile: 'hubei', marks: [{ sheet: '表]]>1', formats: ['{CF-1}'], notes: [{ cell: 'B6', content: 'a]]>b' }] }] };
    const xml = stateToXml(s);
    expect(xml).toContain('xmlns="urn:jixiao:state:v1"');
    expect(stateFromXml(xml)).toEqual(s);
    expect(stateFromXml('<garbage')).toEqual({ version: 1 });
  });
});
