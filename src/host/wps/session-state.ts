/**
 * The add-in state alone, for what the pane saves between checks (the profile, 已说明, the pane's tab, label maps):
 * read through the core's validating reader and written back as one part of the state's namespace.
 */
import type { AddinState } from '../../core/state';
import type { EtApplication } from './et';
import { activeWorkbook } from './read';
import { readState as readPart, writeState } from './state';

export function readState(app: EtApplication): AddinState {
  return readPart(activeWorkbook(app)).state;
}

export function saveState(app: EtApplication, state: AddinState): void {
  const wb = activeWorkbook(app);
  writeState(wb, readPart(wb), state);
}
