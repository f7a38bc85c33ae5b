import { Presets, SingleBar } from 'cli-progress';

export interface Progress {
  tick(done: number, file: string): void;
  stop(): void;
}

/** A progress bar for batches, on stderr, only when it is a terminal: piped output stays clean. */
export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (total < 2 || !stream.isTTY) return { tick: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ stream, format: ' {bar} {value}/{total} {file}', hideCursor: true, clearOnComplete: true, noTTYOutput: false }, Presets.shades_classic);
  bar.start(total, 0, { file: '' });
  return { tick: (n, file) => bar.update(n, { file }), stop: () => bar.stop() };
}
