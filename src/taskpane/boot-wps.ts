import { mount } from './mount';
import { startWpsHost } from '../host/wps/start';

/**
 * The pane in WPS 表格, one chunk of its own (mount included, so that the engine chunk finds the pane's modules
 * already loaded whichever host asked for it, and Excel's first load carries none of WPS's code).
 */
export async function bootWps(root: HTMLElement): Promise<void> {
  mount(root, await startWpsHost());
}
