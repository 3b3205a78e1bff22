import { SingleBar } from 'cli-progress';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

/**
 * A progress bar on stderr when it is a terminal and there is enough work to be worth one;
 * nothing when piped, so that output stays clean for tools.
 */
export function progressBar(label: string, minimum = 200, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || process.env.CI) return SILENT;
  let bar: SingleBar | undefined;
  return {
    update(done, total) {
      if (total < minimum) return;
      if (!bar) {
        bar = new SingleBar({ format: `${label} [{bar}] {value}/{total}`, stream, clearOnComplete: true, hideCursor: true });
        bar.start(total, 0);
      }
      bar.update(done);
    },
    stop() {
      bar?.stop();
    },
  };
}
