import assert from 'node:assert/strict';
import { APIErrorCode, APIResponseError, Client, isFullPage, LogLevel, UnknownHTTPResponseError } from '@notionhq/client';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

describe('sandbox: authentication, versions and error bodies', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox();
  });
  after(() => t.close());

  it('rejects a wrong token with 401 unauthorized through the SDK', async () => {
    const client = new Client({ auth: 'secret_wrong', baseUrl: t.sandbox.url, retry: false, logLevel: LogLevel.ERROR });
    await assert.rejects(client.users.me({}), (e: unknown) => {
      assert.ok(APIResponseError.isAPIResponseError(e));
      assert.equal(e.code, APIErrorCode.Unauthorized);
      assert.equal(e.status, 401);
      assert.equal(e.message, 'API token is invalid.');
      return true;
    });
  });

  it('rejects a request without Notion-Version with 400 missing_version', async () => {
    const res = await fetch(`${t.sandbox.url}/v1/users/me`, { headers: { authorization: `Bearer ${t.sandbox.token}` } });
    assert.equal(res.status, 400);
    const body = (await res.json()) as Record<string, unknown>;
    assert.equal(body.object, 'error');
    assert.equal(body.code, 'missing_version');
    assert.equal(body.status, 400);
    assert.equal(typeof body.request_id, 'string');
    assert.equal(res.headers.get('x-notion-request-id'), body.request_id);
  });

  it('rejects an API version older than the data-source model', async () => {
    const res = await fetch(`${t.sandbox.url}/v1/users/me`, {
      headers: { authorization: `Bearer ${t.sandbox.token}`, 'notion-version': '2022-06-28' },
    });
    assert.equal(res.status, 400);
    assert.equal(((await res.json()) as { code: string }).code, 'validation_error');
  });

  it('answers unknown paths with invalid_request_url and bad JSON with invalid_json', async () => {
    const headers = { authorization: `Bearer ${t.sandbox.token}`, 'notion-version': '2025-09-03', 'content-type': 'application/json' };
    const unknown = await fetch(`${t.sandbox.url}/v1/nothing-here`, { headers });
    assert.equal(unknown.status, 400);
    assert.equal(((await unknown.json()) as { code: string }).code, 'invalid_request_url');
    const badJson = await fetch(`${t.sandbox.url}/v1/search`, { method: 'POST', headers, body: '{"query":' });
    assert.equal(badJson.status, 400);
    const body = (await badJson.json()) as { code: string; message: string };
    assert.deepEqual([body.code, body.message], ['invalid_json', 'Error parsing JSON body.']);
  });

  it('returns a fresh x-notion-request-id on every response, matching the error body', async () => {
    const e = await t.client.pages.retrieve({ page_id: '00000000-0000-4000-8000-000000000000' }).catch((err: unknown) => err);
    assert.ok(APIResponseError.isAPIResponseError(e));
    assert.match(e.request_id ?? '', /^[0-9a-f-]{36}$/);
    const a = await fetch(`${t.sandbox.url}/`);
    const b = await fetch(`${t.sandbox.url}/`);
    assert.notEqual(a.headers.get('x-notion-request-id'), b.headers.get('x-notion-request-id'));
  });

  it('answers 404 object_not_found for unknown ids and for pages not shared with the integration', async () => {
    const hidden = t.sandbox.createRootPage('Private notes', { shared: false });
    for (const id of [hidden, '0f0f0f0f-0f0f-4f0f-8f0f-0f0f0f0f0f0f']) {
      await assert.rejects(t.client.pages.retrieve({ page_id: id }), (e: unknown) => {
        assert.ok(APIResponseError.isAPIResponseError(e));
        assert.equal(e.status, 404);
        assert.equal(e.code, APIErrorCode.ObjectNotFound);
        assert.match(e.message, /Could not find page with ID: .*shared with your integration/);
        return true;
      });
    }
    await assert.rejects(
      t.client.databases.create({
        parent: { type: 'page_id', page_id: hidden },
        title: [],
        initial_data_source: { properties: { Name: { title: {} } } },
      }),
      (e: unknown) => APIResponseError.isAPIResponseError(e) && e.status === 404,
    );
  });

  it('accepts ids without dashes and validates malformed path ids', async () => {
    const page = await t.client.pages.retrieve({ page_id: t.rootPageId.replace(/-/g, '') });
    assert.ok(isFullPage(page));
    assert.equal(page.id, t.rootPageId);
    await assert.rejects(t.client.pages.retrieve({ page_id: 'not-a-uuid' }), (e: unknown) => {
      assert.ok(APIResponseError.isAPIResponseError(e));
      assert.equal(e.code, APIErrorCode.ValidationError);
      assert.equal(e.message, 'path failed validation: path.page_id should be a valid uuid, instead was `"not-a-uuid"`.');
      return true;
    });
  });

  it('turns codes outside the SDK enum into UnknownHTTPResponseError, like Notion', async () => {
    // The SDK only knows a fixed set of codes; missing_version is not one of them.
    const client = new Client({ auth: t.sandbox.token, baseUrl: t.sandbox.url, retry: false, logLevel: LogLevel.ERROR, notionVersion: '' });
    await assert.rejects(client.users.me({}), (e: unknown) => UnknownHTTPResponseError.isUnknownHTTPResponseError(e) && e.status === 400);
  });
});
