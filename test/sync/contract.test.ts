import { Client, LogLevel } from '@notionhq/client';
import { NOTION_RATE, parentPageIdOf } from '../../core/sync/notion';
import { startTestSandbox } from '../helpers/sandbox';
import { syncContract, type ContractTarget } from './contract';
import { FAST_RETRY, NO_PACING } from './helpers';

/*
 * One contract, two targets. The sandbox twin always runs. The real-Notion run needs
 * NOTION_TOKEN and OKRA_NOTION_TEST_PAGE (a page shared with the integration, under which each
 * run makes and afterwards trashes its own page); without them it is not registered at all.
 */

describe('sync contract: sandbox', function () {
  this.timeout(60_000);
  syncContract(async (): Promise<ContractTarget> => {
    const t = await startTestSandbox();
    return {
      token: t.sandbox.token,
      baseUrl: t.sandbox.url,
      parentPage: t.rootPageId,
      rateLimit: NO_PACING,
      retry: FAST_RETRY,
      client: t.client,
      editRow: async (pageId, properties) => void t.sandbox.simulateUserEdit({ pageId, properties }),
      close: () => t.close(),
    };
  });
});

const token = process.env.NOTION_TOKEN?.trim();
const testPage = process.env.OKRA_NOTION_TEST_PAGE?.trim();
if (token && testPage) {
  describe('sync contract: real Notion', function () {
    // Notion's 3 requests/s: the first sync alone is ~60 requests.
    this.timeout(300_000);
    syncContract(async (): Promise<ContractTarget> => {
      const client = new Client({ auth: token, logLevel: LogLevel.ERROR });
      const parent = parentPageIdOf(testPage);
      if (!parent) throw new Error(`OKRA_NOTION_TEST_PAGE "${testPage}" is neither a Notion page URL nor a page id`);
      const page = await client.pages.create({
        parent: { type: 'page_id', page_id: parent },
        properties: { title: { title: [{ text: { content: `okra contract ${new Date().toISOString()}` } }] } },
      });
      return {
        token,
        parentPage: page.id,
        rateLimit: NOTION_RATE,
        client,
        editRow: async (pageId, properties) => void (await client.pages.update({ page_id: pageId, properties: properties as never })),
        close: async () => void (await client.pages.update({ page_id: page.id, in_trash: true })),
      };
    });
  });
} else {
  const missing = [token ? '' : 'NOTION_TOKEN', testPage ? '' : 'OKRA_NOTION_TEST_PAGE'].filter(Boolean).join(' and ');
  process.stdout.write(
    `sync contract against real Notion not run: ${missing} ${missing.includes(' and ') ? 'are' : 'is'} not set (its sandbox twin runs)\n`,
  );
}
