/**
 * The preview page: a grid view of an example workbook beside the real task pane, which talks to the same
 * in-memory workbook through a fake office.js. Anyone can try the add-in in a browser without Excel.
 */
import { a1, parseAreaA1, Snapshot } from '../core/snapshot';
import { FakeWorkbook, displayText } from '../fake-excel/workbook';
import { makeExcel } from '../fake-excel/api';
import type { FakeWps } from '../fake-wps';
import { bgrToHex } from '../host/wps/facade';

interface PreviewHost {
  excel: ReturnType<typeof makeExcel>;
  lang: string;
  changed(): void;
  doc: FakeWorkbook;
  fileBytes(): Promise<Uint8Array>;
  /** `Excel.createWorkbook`: the preview offers the new workbook as a file to download. */
  openWorkbook(base64: string): Promise<void>;
  /** `Office.actions.associate` from the commands frame: the ribbon's buttons run these. */
  actions: Map<string, (event: { completed(): void }) => unknown>;
  /** `?host=wps`: the fake WPS 表格 object model over the same workbook, which the pane's frame gets as `Application`. */
  wps?: FakeWps;
}

declare global {
  interface Window {
    jixiaoPreview?: PreviewHost;
  }
}

const params = new URLSearchParams(location.search);
const example = params.get('example') ?? 'seed001-dept-hunan.xlsx';
const lang = params.get('lang') ?? 'zh-CN';
// `api=1.9` runs the fake at that ExcelApi level, as an older Excel would; the newest the typings know otherwise.
const api = /^1\.\d{1,2}$/.test(params.get('api') ?? '') ? params.get('api')! : undefined;
const inWps = params.get('host') === 'wps';
let active = 0;
const opened: string[] = [];

function cellsOf(address: string): string[] {
  const out: string[] = [];
  for (const part of address.split(',')) {
    const a = parseAreaA1(part.trim().replace(/^.*!/, ''));
    for (let r = a.top; r <= a.bottom; r++) for (let c = a.left; c <= a.right; c++) out.push(a1(r, c));
  }
  return out;
}

function render(doc: FakeWorkbook): void {
  const tabs = document.getElementById('tabs')!;
  tabs.replaceChildren(
    ...doc.sheets.map((s, i) => {
      const b = document.createElement('button');
      b.textContent = s.name;
      b.setAttribute('role', 'tab');
      b.setAttribute('aria-selected', String(i === active));
      b.onclick = () => {
        active = i;
        render(doc);
      };
      return b;
    }),
  );
  if (doc.selection) active = Math.max(0, doc.sheets.findIndex((s) => s.name === doc.selection!.sheet));
  const sheet = doc.sheets[active];
  const grid = document.getElementById('grid')!;
  if (!sheet) return;
  const used = sheet.usedArea() ?? { top: 0, left: 0, bottom: 10, right: 6 };
  const fills = new Map<string, string>();
  for (const f of [...sheet.formats.values()].sort((a, b) => b.priority - a.priority)) for (const c of cellsOf(f.address)) fills.set(c, f.fill);
  // WPS marks with cell fills (COM colours), not conditional formats.
  const wps = window.jixiaoPreview?.wps;
  if (wps)
    for (const [key, fill] of wps.doc.of(sheet).interior) {
      const [r, c] = key.split(',').map(Number);
      if (fill.pattern !== -4142) fills.set(a1(r, c), bgrToHex(fill.color));
    }
  const table = document.createElement('table');
  table.className = 'grid';
  table.setAttribute('data-sheet', sheet.name);
  const head = table.insertRow();
  head.appendChild(document.createElement('th'));
  for (let c = 0; c <= used.right; c++) {
    const th = document.createElement('th');
    th.textContent = a1(0, c).replace(/\d+$/, '');
    head.appendChild(th);
  }
  const selected = doc.selection && doc.selection.sheet === sheet.name ? doc.selection.address : null;
  for (let r = 0; r <= used.bottom; r++) {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.textContent = String(r + 1);
    tr.appendChild(th);
    for (let c = 0; c <= used.right; c++) {
      const td = tr.insertCell();
      const addr = a1(r, c);
      const cell = sheet.cell(r, c);
      td.textContent = displayText(cell);
      td.dataset.cell = addr;
      if (cell?.type === 'number') td.className = 'num';
      if (cell?.formula) td.title = cell.formula;
      const fill = fills.get(addr);
      if (fill) td.style.backgroundColor = fill;
      const note = sheet.notes.get(addr);
      if (note) {
        td.classList.add('noted');
        td.title = note;
      }
      if (selected === addr) td.classList.add('selected');
    }
  }
  grid.replaceChildren(table);
  const status = document.getElementById('status')!;
  status.textContent = `${example} · ${wps ? 'WPS 表格（模拟）' : `ExcelApi ${window.jixiaoPreview?.excel.level ?? ''}`} · ${sheet.name}${selected ? ` · ${selected}` : ''}`;
  opened.forEach((url, i) => {
    const a = document.createElement('a');
    a.href = url;
    a.download = `新工作簿${i + 1}.xlsx`;
    a.textContent = ` · 新工作簿${i + 1}.xlsx`;
    a.dataset.testid = 'opened-workbook';
    status.appendChild(a);
  });
}

async function main(): Promise<void> {
  const snapshot = (await (await fetch(`snapshot?example=${encodeURIComponent(example)}`)).json()) as Snapshot;
  const doc = FakeWorkbook.fromSnapshot(snapshot);
  const excel = makeExcel(doc, { api });
  const openWorkbook = async (base64: string) => {
    await excel.createWorkbook(base64);
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    opened.push(URL.createObjectURL(new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })));
    render(doc);
  };
  const actions = new Map<string, (event: { completed(): void }) => unknown>();
  const wps = inWps ? (await import('../fake-wps')).makeWps(doc) : undefined;
  window.jixiaoPreview = { excel, lang, doc, changed: () => render(doc), fileBytes: async () => (await import('../fake-excel/xlsx')).fakeToXlsx(doc), openWorkbook, actions, wps };
  // WPS's object model is synchronous and tells no one of a change: the grid looks again twice a second.
  if (wps) setInterval(() => render(doc), 500);
  render(doc);
  const pane = document.getElementById('pane') as HTMLIFrameElement;
  // `width=320` shows the pane at Excel's default task-pane width.
  const width = Number(params.get('width'));
  if (width >= 200 && width <= 1000) pane.style.width = `${width}px`;
  pane.src = inWps ? `taskpane.html?host=wps&lang=${lang}` : `taskpane.html?lang=${lang}`;
  // The ribbon's 快速检查 runs the real function command (commands.html) against the same workbook.
  const quick = document.getElementById('quick-check') as HTMLButtonElement;
  const commands = document.getElementById('commands') as HTMLIFrameElement;
  commands.onload = () => {
    quick.disabled = !actions.has('quickCheck');
  };
  commands.src = 'commands.html';
  quick.onclick = () => {
    quick.disabled = true;
    quick.dataset.state = 'running';
    Promise.resolve(actions.get('quickCheck')?.({ completed: () => (quick.dataset.state = 'done') })).finally(() => {
      quick.disabled = false;
      render(doc);
    });
  };
}

main().catch((e) => {
  document.body.textContent = `preview failed: ${e instanceof Error ? e.message : String(e)}`;
});
