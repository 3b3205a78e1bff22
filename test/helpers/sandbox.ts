import { Client, LogLevel } from '@notionhq/client';
import { startSandbox, type SandboxHandle, type SandboxOptions } from '../../sandbox';

/** A running sandbox, an SDK client pointed at it, and a root page shared with the integration. */
export interface TestSandbox {
  sandbox: SandboxHandle;
  client: Client;
  /** A shared root page to create databases under (okra's `notion.parent_page`). */
  rootPageId: string;
  close(): Promise<void>;
}

/**
 * Starts a sandbox on a free port for a test suite. Rate limiting is off unless
 * the options turn it on, and the client does not retry, so failures surface at
 * once; pass `clientOptions` to change either.
 */
export async function startTestSandbox(
  options: SandboxOptions = {},
  clientOptions: Partial<ConstructorParameters<typeof Client>[0]> = {},
): Promise<TestSandbox> {
  const sandbox = await startSandbox({ rateLimit: false, ...options });
  const rootPageId = sandbox.createRootPage('okra test root');
  const client = new Client({ auth: sandbox.token, baseUrl: sandbox.url, retry: false, logLevel: LogLevel.ERROR, ...clientOptions });
  return { sandbox, client, rootPageId, close: () => sandbox.close() };
}
