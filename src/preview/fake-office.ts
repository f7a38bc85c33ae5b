/**
 * A stand-in for office.js inside the preview's task-pane frame: Office and Excel globals that run against the
 * preview page's in-memory workbook (the same fake Excel the integration tests use).
 */
const host = window.parent.jixiaoPreview!;

const office = {
  onReady(cb?: (info: { host: string; platform: string }) => void) {
    const info = { host: 'Excel', platform: 'OfficeOnline' };
    cb?.(info);
    return Promise.resolve(info);
  },
  context: {
    displayLanguage: host.lang,
    officeTheme: { bodyBackgroundColor: '#ffffff', bodyForegroundColor: '#000000', controlBackgroundColor: '#ffffff', controlForegroundColor: '#000000' },
    requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' && Number(version ?? '1') <= 1.18 },
  },
  actions: { associate: () => undefined },
  HostType: { Excel: 'Excel' },
};

const excel = {
  run: (a: unknown, b?: unknown) => (host.excel.run as (a: unknown, b?: unknown) => Promise<unknown>)(a, b).finally(() => host.changed()),
  ConditionalFormatType: { custom: 'Custom' },
};

Object.assign(window, { Office: office, Excel: excel });
export {};
