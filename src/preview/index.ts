/**
 * The preview page: a grid view of an example workbook beside the real task pane, which talks to the same
 * in-memory workbook through a fake office.js. Anyone can try the add-in in a browser without Excel.
 */
import { a1, parseAreaA1, Snapshot } from '../core/snapshot';
import { FakeWorkbook, displayText } from '../fake-excel/workbook';
import { makeExcel } from '../fake-excel/api';

interface PreviewHost {
  excel: ReturnType<typeof makeExcel>;
  lang: string;
  changed(): void;
  doc: FakeWorkbook;
  fileBytes(): Promise<Uint8Array>;
}

declare global {
  interface Window {
    jixiaoPreview?: PreviewHost;
  }
}

const params = new URLSearchParams(location.search);
const example = params.get('example') ?? 'seed001-dept-hunan.xlsx';
const lang = params.get('lang') ?? 'zh-CN';
let active = 0;

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
  document.getElementById('status')!.textContent = `${example} · ${sheet.name}${selected ? ` · ${selected}` : ''}`;
}

async function main(): Promise<void> {
  const snapshot = (await (await fetch(`snapshot?example=${encodeURIComponent(example)}`)).json()) as Snapshot;
  const doc = FakeWorkbook.fromSnapshot(snapshot);
  const excel = makeExcel(doc);
  window.jixiaoPreview = { excel, lang, doc, changed: () => render(doc), fileBytes: async () => (await import('../fake-excel/xlsx')).fakeToXlsx(doc) };
  render(doc);
  (document.getElementById('pane') as HTMLIFrameElement).src = `taskpane.html?lang=${lang}`;
}

main().catch((e) => {
  document.body.textContent = `preview failed: ${e instanceof Error ? e.message : String(e)}`;
});
