import type * as vscode from 'vscode';
import type { SandboxHandle } from '../../sandbox';
import { sandbox } from '../core';

/** A sandbox running in the extension host, with the page sync writes under. */
export interface RunningSandbox {
  /** API base URL for the Notion client. */
  url: string;
  boardUrl: string;
  /** The sandbox's own token (not a secret: it only opens this local server). */
  token: string;
  /** The root page sync creates its databases under. */
  parentPage: string;
}

/** The sandbox answers faster than Notion's 3 requests a second, so syncing into it is quick (as in `okra demo`). */
export const SANDBOX_RATE = { ratePerSecond: 50, burst: 50 };

/**
 * The local Notion-compatible sandbox, started in-process on first use (its bundle is loaded
 * only then) and stopped when the extension deactivates. Its sync state lives in memory, like
 * the sandbox itself: a sandbox run never touches `.okra/notion-state.json`.
 */
export class SandboxManager implements vscode.Disposable {
  private starting: Promise<{ handle: SandboxHandle; running: RunningSandbox }> | undefined;
  /** The sync state of the running sandbox (serialized). */
  stateText: string | undefined;

  /** The running sandbox, started when there is none. */
  async ensure(): Promise<RunningSandbox> {
    this.starting ??= this.start();
    try {
      return (await this.starting).running;
    } catch (error) {
      this.starting = undefined;
      throw error;
    }
  }

  get isRunning(): boolean {
    return this.starting !== undefined;
  }

  private async start(): Promise<{ handle: SandboxHandle; running: RunningSandbox }> {
    // Lazy: the sandbox server comes from dist/sandbox.js, loaded only when first asked for.
    const handle = await sandbox().startSandbox({ port: 0, host: '127.0.0.1', rateLimit: SANDBOX_RATE });
    const parentPage = handle.createRootPage('okra');
    this.stateText = undefined;
    return { handle, running: { url: handle.url, boardUrl: handle.boardUrl, token: handle.token, parentPage } };
  }

  /** Stops the sandbox (its data is gone: it was in memory). */
  async stop(): Promise<void> {
    const starting = this.starting;
    this.starting = undefined;
    this.stateText = undefined;
    if (starting) await (await starting).handle.close();
  }

  dispose(): void {
    void this.stop().catch(() => undefined);
  }
}
