/** Spawned runs of a benchmark: wall clock, and CPU time and peak RSS through GNU time. */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = resolve(__dirname, '..');

export interface Run {
  ms: number;
  code: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size in MB, when /usr/bin/time is there to tell. */
  maxRssMb?: number;
  /** User + system CPU time in ms, when /usr/bin/time is there to tell: steadier than wall clock on a busy machine. */
  cpuMs?: number;
}

export const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const RSS_MARK = 'okra-bench-maxrss-kb=';

/**
 * Runs a command to its end; the time is wall clock from spawn to exit. With /usr/bin/time
 * (GNU time) present the command runs under it for its peak RSS, which costs about a millisecond.
 */
export function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, cwd = ROOT): Promise<Run> {
  const [file, argv] = TIME ? [TIME, ['-f', `${RSS_MARK}%M %U %S`, command, ...args]] : [command, args];
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', fail);
    child.on('close', (code) => {
      const ms = performance.now() - started;
      let stderr = Buffer.concat(err).toString('utf8');
      let maxRssMb: number | undefined;
      let cpuMs: number | undefined;
      const mark = stderr.lastIndexOf(RSS_MARK);
      if (TIME && mark >= 0) {
        const [kb, user, system] = stderr
          .slice(mark + RSS_MARK.length)
          .trim()
          .split(' ')
          .map(Number);
        maxRssMb = kb / 1024;
        cpuMs = (user + system) * 1000;
        stderr = stderr.slice(0, mark);
      }
      done({ ms, code, stdout: Buffer.concat(out).toString('utf8'), stderr, maxRssMb, cpuMs });
    });
  });
}
