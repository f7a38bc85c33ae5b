/**
 * `check REPORT.docx --annotate OUT`: a copy of the report with a Word comment on each table cell and paragraph the
 * findings name (word/comments.xml, its relationship and content type; w:commentRangeStart / End and a
 * w:commentReference run in the body). Every other part is copied as it is. The copy is read back before it is
 * handed on; the input is never written.
 */
import { noteLine } from '../../core/report';
import { parseA1 } from '../../core/snapshot';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import { CopyError } from '../xlsx/verify';
import { unzipPackage } from '../xlsx/unzip';
import { zipParts } from '../xlsx/zip';
import { readDocx } from './read';
import { escapeXml, ParagraphPos } from './scan';
import { TEXT_SHEET } from './sheets';

const COMMENTS_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml';
const COMMENTS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
export const AUTHOR = 'jixiao';

interface Target {
  first: ParagraphPos;
  last: ParagraphPos;
  findings: Finding[];
}

const SEVERITY: Record<Severity, Record<Lang, string>> = { error: { 'zh-CN': '错误', 'en-US': 'Error' }, warning: { 'zh-CN': '警告', 'en-US': 'Warning' }, info: { 'zh-CN': '提示', 'en-US': 'Note' } };

function commentBody(f: Finding, lang: Lang): string {
  const ea = f.expected !== null || f.actual !== null ? (lang === 'zh-CN' ? `（应为 ${f.expected ?? '—'}，实为 ${f.actual ?? '—'}）` : ` (expected ${f.expected ?? '—'}, actual ${f.actual ?? '—'})`) : '';
  return `${SEVERITY[f.severity][lang]}${lang === 'zh-CN' ? '：' : ': '}${noteLine(f, lang)}${ea}`;
}

/** Where each finding goes: its table cell (a merged area's top-left), its paragraph, or else the first paragraph. */
function targetsOf(findings: Finding[], layout: ReturnType<typeof readDocx>['layout'], merges: Map<string, Array<{ top: number; left: number; bottom: number; right: number }>>): Target[] {
  const byKey = new Map<string, Target>();
  const put = (key: string, first: ParagraphPos, last: ParagraphPos, f: Finding) => {
    const t = byKey.get(key) ?? { first, last, findings: [] };
    t.findings.push(f);
    byKey.set(key, t);
  };
  for (const f of findings) {
    if (f.sheet === TEXT_SHEET && /^¶\d+$/.test(f.cell)) {
      const p = layout.paragraphs[Number(f.cell.slice(1)) - 1];
      if (p) {
        put(`p${p.start}`, p, p, f);
        continue;
      }
    }
    const cells = layout.cells.get(f.sheet);
    if (cells && /^[A-Z]{1,3}\d+$/.test(f.cell)) {
      let { row, col } = parseA1(f.cell);
      const area = merges.get(f.sheet)?.find((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right);
      if (area) ({ top: row, left: col } = area);
      const pos = cells.get(`${row},${col}`);
      if (pos) {
        put(`c${pos.first.start}`, pos.first, pos.last, f);
        continue;
      }
    }
    const first = layout.paragraphs[0];
    if (first) put(`p${first.start}`, first, first, f);
  }
  return [...byKey.values()];
}

/** The body with each target's comment range and reference written into its paragraphs. */
function markBody(xml: string, targets: Array<Target & { id: number }>): string {
  // Per paragraph (by its start): what goes at its content's start and before its end.
  const marks = new Map<number, { pos: ParagraphPos; head: string; tail: string }>();
  const at = (p: ParagraphPos) => {
    const m = marks.get(p.start) ?? { pos: p, head: '', tail: '' };
    marks.set(p.start, m);
    return m;
  };
  for (const t of targets) {
    at(t.first).head += `<w:commentRangeStart w:id="${t.id}"/>`;
    at(t.last).tail += `<w:commentRangeEnd w:id="${t.id}"/><w:r><w:commentReference w:id="${t.id}"/></w:r>`;
  }
  const ordered = [...marks.values()].sort((a, b) => b.pos.start - a.pos.start);
  let out = xml;
  for (const { pos, head, tail } of ordered) {
    if (pos.selfClosing) {
      const open = out.slice(pos.start, pos.afterStart).replace(/\s*\/>$/, '>');
      out = `${out.slice(0, pos.start)}${open}${head}${tail}</w:p>${out.slice(pos.afterStart)}`;
    } else out = `${out.slice(0, pos.content)}${head}${out.slice(pos.content, pos.close)}${tail}${out.slice(pos.close)}`;
  }
  return out;
}

function commentXml(t: Target & { id: number }, lang: Lang, date: string): string {
  const paras = t.findings.map((f) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(commentBody(f, lang))}</w:t></w:r></w:p>`).join('');
  return `<w:comment w:id="${t.id}" w:author="${AUTHOR}" w:initials="JX" w:date="${date}">${paras}</w:comment>`;
}

/** The annotated copy's bytes; a CopyError naming `file` when it cannot be made or does not read back. */
export function annotateDocx(bytes: Uint8Array, findings: Finding[], lang: Lang, file: string, now = new Date()): Uint8Array {
  const { snapshot, layout } = readDocx(bytes, file);
  const members = unzipPackage(bytes, file, 'docx', { maxCells: Number.MAX_SAFE_INTEGER });
  const dec = new TextDecoder();
  const enc = new TextEncoder();
  const parts: Record<string, Uint8Array> = {};
  for (const m of members) if (!m.name.endsWith('/')) parts[m.name] = m.data;
  const merges = new Map(snapshot.sheets.map((s) => [s.name, s.merges]));
  const existing = parts['word/comments.xml'] ? dec.decode(parts['word/comments.xml']) : null;
  let next = 0;
  if (existing) for (const m of existing.matchAll(/<w:comment\b[^>]*\bw:id="(\d+)"/g)) next = Math.max(next, Number(m[1]) + 1);
  for (const m of layout.xml.matchAll(/<w:comment(?:RangeStart|Reference)\b[^>]*\bw:id="(\d+)"/g)) next = Math.max(next, Number(m[1]) + 1);
  const targets = targetsOf(findings, layout, merges).map((t, i) => ({ ...t, id: next + i }));
  if (!targets.length) return bytes;
  const date = now.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const comments = targets.map((t) => commentXml(t, lang, date)).join('');
  parts['word/document.xml'] = enc.encode(markBody(layout.xml, targets));
  if (existing) {
    const close = existing.lastIndexOf('</w:comments>');
    if (close < 0) throw new CopyError(file, `${file}: word/comments.xml 已损坏，未写入副本 (word/comments.xml is damaged; no copy was written)`);
    parts['word/comments.xml'] = enc.encode(`${existing.slice(0, close)}${comments}${existing.slice(close)}`);
  } else {
    parts['word/comments.xml'] = enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="${W_NS}">${comments}</w:comments>`);
    const relsName = 'word/_rels/document.xml.rels';
    const rels = parts[relsName] ? dec.decode(parts[relsName]) : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    if (!rels.includes(COMMENTS_REL)) {
      let id = 'rIdJixiaoComments';
      for (let k = 2; rels.includes(`Id="${id}"`); k++) id = `rIdJixiaoComments${k}`;
      parts[relsName] = enc.encode(rels.replace('</Relationships>', `<Relationship Id="${id}" Type="${COMMENTS_REL}" Target="comments.xml"/></Relationships>`));
    }
    const types = dec.decode(parts['[Content_Types].xml']);
    if (!types.includes('/word/comments.xml')) parts['[Content_Types].xml'] = enc.encode(types.replace('</Types>', `<Override PartName="/word/comments.xml" ContentType="${COMMENTS_TYPE}"/></Types>`));
  }
  const copy = zipParts(parts, now);
  try {
    readDocx(copy, file);
  } catch (e) {
    throw new CopyError(file, `${file}: 标注副本无法读回，未写入 (the annotated copy does not read back; not written) — ${(e as Error).message.split('\n')[0]}`);
  }
  return copy;
}
