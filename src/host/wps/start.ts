import { officeLang } from '../excel/lang';
import { installationId } from '../excel/installation';
import type { PaneHost } from '../../taskpane/host';
import type { WpsApi } from './api';
import { wpsPaneHost } from './pane-host';

/** The WPS host module (./index.ts, over et.ts), loaded as its own chunk beside the pane. */
export const loadWpsApi = async (): Promise<WpsApi> => (await import(/* webpackChunkName: "wps-host" */ './index')) as unknown as WpsApi;

interface WpsGlobals {
  Application?: unknown;
  wps?: { Application?: unknown; EtApplication?: () => unknown };
  navigator?: { language?: string };
  matchMedia?: (q: string) => { matches: boolean };
}

/** WPS's Application object as the task pane page sees it: `window.Application`, else `wps.Application`. */
export function wpsApplication(g: WpsGlobals = globalThis as WpsGlobals): unknown {
  const app = g.Application ?? g.wps?.Application ?? g.wps?.EtApplication?.();
  if (app === undefined || app === null) throw new Error('找不到 WPS 表格的 Application 对象 (WPS Spreadsheets’ Application object is missing)');
  return app;
}

/**
 * The pane's host in WPS: the language of the page (WPS sets it to its UI language), a dark theme where the page
 * prefers one, and this installation's id from the add-in's own local storage (as in Excel, never in a workbook).
 */
export async function startWpsHost(loadApi: () => Promise<WpsApi> = loadWpsApi, g: WpsGlobals = globalThis as WpsGlobals): Promise<PaneHost> {
  const app = wpsApplication(g);
  const api = await loadApi();
  let dark = false;
  try {
    dark = !!g.matchMedia?.('(prefers-color-scheme: dark)').matches;
  } catch {
    dark = false;
  }
  return wpsPaneHost(app, api, { lang: officeLang(g.navigator?.language), dark, installation: installationId() });
}
