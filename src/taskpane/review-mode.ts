/**
 * 审核模式 is remembered per installation, in the pane's own local storage, never in a workbook: a received
 * workbook must not be able to switch it off. Anything unreadable counts as off; where storage is refused, the
 * switch lasts for this session.
 */
const KEY = 'jixiao.reviewMode';

type Store = Pick<Storage, 'getItem' | 'setItem'> | null;

function localStore(): Store {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

export function readReviewMode(storage: Store = localStore()): boolean {
  try {
    return storage?.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function saveReviewMode(on: boolean, storage: Store = localStore()): void {
  try {
    storage?.setItem(KEY, on ? 'on' : 'off');
  } catch {
    // storage refused (private mode, policy)
  }
}
