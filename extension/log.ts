import * as vscode from 'vscode';
import { OUTPUT_CHANNEL } from './ids';
import { redact } from './redact';
import type { LogLevel } from './settings';

const RANK: Record<LogLevel, number> = { off: 0, error: 1, warn: 2, info: 3, debug: 4, trace: 5 };

/**
 * The "okra" output channel. A LogOutputChannel (`{ log: true }`) gives timestamps and VS Code's
 * own level filter; `okra.log.level` filters on top of it, so the setting works without the
 * "Developer: Set Log Level" command. Every line goes through `redact`: no token is ever logged.
 */
export class Log implements vscode.Disposable {
  private readonly channel: vscode.LogOutputChannel;

  constructor(
    private level: LogLevel,
    channel?: vscode.LogOutputChannel,
  ) {
    this.channel = channel ?? vscode.window.createOutputChannel(OUTPUT_CHANNEL, { log: true });
  }

  setLevel(level: LogLevel): void {
    this.level = level;
  }

  get outputChannel(): vscode.LogOutputChannel {
    return this.channel;
  }

  error(message: string, error?: unknown): void {
    if (!this.enabled('error')) return;
    const detail = error === undefined ? '' : `: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    this.channel.error(redact(message + detail));
  }

  warn(message: string): void {
    if (this.enabled('warn')) this.channel.warn(redact(message));
  }

  info(message: string): void {
    if (this.enabled('info')) this.channel.info(redact(message));
  }

  debug(message: string): void {
    if (this.enabled('debug')) this.channel.debug(redact(message));
  }

  trace(message: string): void {
    if (this.enabled('trace')) this.channel.trace(redact(message));
  }

  private enabled(level: Exclude<LogLevel, 'off'>): boolean {
    return RANK[this.level] >= RANK[level];
  }

  dispose(): void {
    this.channel.dispose();
  }
}
