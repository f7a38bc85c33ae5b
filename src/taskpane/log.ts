/** The pane's own log: the last errors, in memory, for support (`jixiaoLog()` in the browser's console). */
export interface LogEntry {
  time: string;
  level: 'error' | 'warn' | 'info';
  message: string;
  stack?: string;
}

const MAX_ENTRIES = 200;
const entries: LogEntry[] = [];

declare global {
  interface Window {
    jixiaoLog?: () => LogEntry[];
  }
}

export function log(level: LogEntry['level'], message: string, stack?: string): void {
  entries.push({ time: new Date().toISOString(), level, message, ...(stack ? { stack } : {}) });
  if (entries.length > MAX_ENTRIES) entries.splice(0, entries.length - MAX_ENTRIES);
}

/** Logs an error caught at `where` (a page, the start of the pane) and passes it to the console. */
export function logError(where: string, e: unknown): void {
  const message = e instanceof Error ? e.message : String(e);
  log('error', `${where}: ${message}`, e instanceof Error ? e.stack : undefined);
  console.error(`jixiao ${where}:`, e);
}

export function paneLog(): LogEntry[] {
  return entries.slice();
}

if (typeof window !== 'undefined') window.jixiaoLog = paneLog;
