/*
 * jixiao 绩效 — the WPS 表格 add-in's entry script (loaded by index.html when WPS starts).
 *
 * It holds the ribbon callbacks named in ribbon.xml and nothing else: no network access, no object-model work.
 * Syntax: ES2017 at most (the oldest Chromium WPS embeds is not published; see the README's WPS section), checked by
 * test/wps-build.test.ts.
 *
 * How the ribbon talks to the task pane. The ribbon (this page) and the pane (taskpane.html?host=wps) are two pages;
 * what they share is the add-in's PluginStorage, a string key-value store that WPS keeps for the add-in while it runs.
 *   jixiao_taskpane_id   the id of the pane CreateTaskPane returned (so a second click toggles that pane).
 *   jixiao_command       the last ribbon command, as JSON {"seq": n, "action": "check"|"write"|"undo", "at": ms}.
 *                        The pane reads it when it starts and then every few hundred milliseconds, runs each seq
 *                        once (ignoring one older than 60 s, e.g. left from a pane that was closed), and
 *                        writes the seq it handled to jixiao_command_done.
 *   jixiao_pane_state    written by the pane: JSON {"ready": bool, "canWrite": bool, "canUndo": bool}. The pane calls
 *                        Application.ribbonUI.InvalidateControl(id) for 写回 and 撤销 after changing it, and
 *                        OnGetEnabled below reads it. Without a pane (or before its first state) 写回 and 撤销 are
 *                        enabled: a click opens the pane, which then says what it can do.
 * A command never acts on the workbook from here: the pane shows the preview (写回) or the list of cells (撤销) and
 * asks before it writes, exactly as in Excel.
 */
/* global window, document */
/* eslint-disable @typescript-eslint/no-unused-vars -- a classic script: WPS calls the ribbon callbacks by name, from ribbon.xml */

var JIXIAO_KEYS = {
  paneId: 'jixiao_taskpane_id',
  command: 'jixiao_command',
  paneState: 'jixiao_pane_state',
};
var JIXIAO_PANE_PAGE = 'taskpane.html?host=wps';
var JIXIAO_ACTIONS = { jixiaoCheck: 'check', jixiaoWrite: 'write', jixiaoUndo: 'undo' };
var JIXIAO_IMAGES = {
  jixiaoCheck: 'assets/icon-32.png',
  jixiaoWrite: 'assets/icon-32.png',
  jixiaoUndo: 'assets/icon-32.png',
  jixiaoPane: 'assets/icon-32.png',
};
var jixiaoSeq = 0;

function jixiaoApp() {
  // WPS exposes the object model as window.Application (and window.wps in most builds).
  return window.Application || (window.wps && window.wps.Application) || window.wps;
}

function jixiaoStorage() {
  var app = jixiaoApp();
  return app && app.PluginStorage;
}

/** The folder of this page (index.html), where taskpane.html and assets/ are. */
function jixiaoBaseUrl() {
  var href = String(document.location.href).split('#')[0].split('?')[0];
  return href.substring(0, href.lastIndexOf('/') + 1);
}

function jixiaoReadJson(key) {
  var storage = jixiaoStorage();
  if (!storage) return null;
  var raw = storage.getItem(key);
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    return JSON.parse(raw);
  } catch (e) {
    return null;
  }
}

/** The pane this add-in created, or null (never created, or closed by WPS). */
function jixiaoFindPane() {
  var app = jixiaoApp();
  var storage = jixiaoStorage();
  if (!app || !storage) return null;
  var id = storage.getItem(JIXIAO_KEYS.paneId);
  if (id === null || id === undefined || id === '') return null;
  try {
    return app.GetTaskPane(id) || null;
  } catch (e) {
    return null;
  }
}

/** Shows the pane, creating it on first use; returns it. */
function jixiaoShowPane() {
  var pane = jixiaoFindPane();
  if (!pane) {
    var app = jixiaoApp();
    pane = app.CreateTaskPane(jixiaoBaseUrl() + JIXIAO_PANE_PAGE);
    jixiaoStorage().setItem(JIXIAO_KEYS.paneId, String(pane.ID));
  }
  pane.Visible = true;
  return pane;
}

function jixiaoTogglePane() {
  var pane = jixiaoFindPane();
  if (pane) pane.Visible = !pane.Visible;
  else jixiaoShowPane();
}

/** Leaves a command for the pane and makes sure the pane is open to run it. */
function jixiaoSend(action) {
  var previous = jixiaoReadJson(JIXIAO_KEYS.command);
  var last = previous && typeof previous.seq === 'number' ? previous.seq : 0;
  jixiaoSeq = Math.max(jixiaoSeq, last) + 1;
  jixiaoStorage().setItem(JIXIAO_KEYS.command, JSON.stringify({ seq: jixiaoSeq, action: action, at: Date.now() }));
  jixiaoShowPane();
}

// ---- ribbon callbacks (names used in ribbon.xml) ----

function OnAddinLoad(ribbonUI) {
  var app = jixiaoApp();
  if (app && typeof app.ribbonUI !== 'object') app.ribbonUI = ribbonUI;
  return true;
}

function OnAction(control) {
  var id = control && (control.Id || control.id);
  try {
    if (id === 'jixiaoPane') jixiaoTogglePane();
    else if (Object.prototype.hasOwnProperty.call(JIXIAO_ACTIONS, id)) jixiaoSend(JIXIAO_ACTIONS[id]);
  } catch (e) {
    window.alert('jixiao：无法打开任务窗格（' + (e && e.message ? e.message : String(e)) + '）。\njixiao could not open its task pane.');
  }
  return true;
}

function OnGetEnabled(control) {
  var id = control && (control.Id || control.id);
  if (id !== 'jixiaoWrite' && id !== 'jixiaoUndo') return true;
  var state = jixiaoReadJson(JIXIAO_KEYS.paneState);
  if (!state || state.ready !== true || !jixiaoFindPane()) return true;
  return id === 'jixiaoWrite' ? state.canWrite !== false : state.canUndo !== false;
}

function GetImage(control) {
  var id = control && (control.Id || control.id);
  return JIXIAO_IMAGES[id] || 'assets/icon-32.png';
}

