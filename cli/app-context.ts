import { AppError, isAppError, type AppContext } from '../core';
import { AnalysisPool } from './analysis-pool';
import { UsageError } from './errors';
import { pluginImporter } from './import-plugin';
import { nodeAppHost } from './node-app-host';
import { okraVersion } from './package-root';

/**
 * Runs a use case on the workspace at `root` the way the CLI runs okra: plugins imported from
 * the workspace (the CLI trusts it), files parsed in worker threads that stop afterwards. A use
 * case's AppError becomes a UsageError (printed plainly, exit code 2).
 */
export async function withAppContext<T>(root: string, run: (ctx: AppContext) => Promise<T>): Promise<T> {
  const pool = new AnalysisPool();
  try {
    return await run({
      host: nodeAppHost(root),
      validate: { importPlugin: pluginImporter(root), trusted: true, workers: pool.workersFor(root) },
      okraVersion: okraVersion(),
    });
  } catch (error) {
    throw isAppError(error) ? usageError(error) : error;
  } finally {
    await pool.close();
  }
}

/** The CLI's words for a use case's refusal, where they differ from the core's. */
function usageError(error: AppError): UsageError {
  if (error.code === 'no-token')
    return new UsageError(
      'NOTION_TOKEN is not set. Create an internal integration at https://www.notion.so/profile/integrations, share the parent page with it, and export NOTION_TOKEN=<its secret>',
    );
  if (error.code === 'pull-stale') return new UsageError(error.message.replace(/pull again$/, 'run okra sync --pull again'));
  return new UsageError(error.message);
}
