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
    requirements: { isSetSupported: (name: string, version?: string) => host.excel.requirements.isSetSupported(name, version) },
  },
  actions: { associate: (id: string, fn: (event: { completed(): void }) => unknown) => host.actions.set(id, fn) },
  HostType: { Excel: 'Excel' },
  FileType: { Compressed: 'compressed' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
};

// The open (fake) workbook as a file, in one slice, the way Office.context.document.getFileAsync hands it out.
Object.assign(office.context, {
  document: {
    getFileAsync(_type: string, _options: unknown, cb: (r: unknown) => void) {
      host.fileBytes().then((bytes) => {
        const file = {
          sliceCount: 1,
          getSliceAsync: (_i: number, done: (r: unknown) => void) => done({ status: 'succeeded', value: { data: Array.from(bytes) } }),
          closeAsync: () => undefined,
        };
        cb({ status: 'succeeded', value: file });
      });
    },
  },
});

const excel = {
  run: (a: unknown, b?: unknown) => (host.excel.run as (a: unknown, b?: unknown) => Promise<unknown>)(a, b).finally(() => host.changed()),
  ConditionalFormatType: { custom: 'Custom' },
  WorksheetPositionType: { end: 'End' },
  createWorkbook: (base64: string) => host.openWorkbook(base64),
};

// `?host=wps`: the pane's frame gets WPS's Application (the fake ET model over the same workbook) and no Office.
if (host.wps) Object.assign(window, { Application: host.wps.Application });
else Object.assign(window, { Office: office, Excel: excel });
export {};
