import assert from 'node:assert/strict';
import { request } from 'node:http';
import { acceptsHost, hostNameOf, isLoopbackHost } from '../../sandbox/host-check';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

interface RawResponse {
  status: number;
  contentType: string;
  body: string;
}

/** A GET to the sandbox's port with this Host header (none at all when `host` is undefined). */
function getWithHost(t: TestSandbox, path: string, host: string | undefined): Promise<RawResponse> {
  const headers: Record<string, string> = { authorization: `Bearer ${t.sandbox.token}`, 'notion-version': '2025-09-03' };
  if (host !== undefined) headers.host = host;
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: t.sandbox.port, path, headers, setHost: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'] ?? '',
          body: Buffer.concat(chunks).toString('utf8'),
        }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox: the Host header (DNS rebinding)', () => {
  let t: TestSandbox;
  before(async () => {
    t = await startTestSandbox({ allowedHosts: ['okra-sandbox.test'] });
  });
  after(() => t.close());

  it('refuses a request addressed to another name with a Notion-shaped 403, on the API, the board and the admin routes', async () => {
    for (const path of ['/v1/users/me', '/', '/__sandbox/state']) {
      const res = await getWithHost(t, path, `rebound.example:${t.sandbox.port}`);
      assert.equal(res.status, 403, path);
      assert.match(res.contentType, /^application\/json/);
      const body = JSON.parse(res.body) as Record<string, unknown>;
      assert.equal(body.object, 'error');
      assert.equal(body.status, 403);
      assert.equal(body.code, 'restricted_resource');
      assert.match(String(body.message), /addressed to "rebound\.example:\d+"/);
      assert.match(String(body.request_id), /^[0-9a-f-]{36}$/);
    }
  });

  it('refuses a request without a Host header, and one whose Host is malformed', async () => {
    // node's server answers an HTTP/1.1 request without a Host with 400 before the sandbox sees it.
    assert.equal((await getWithHost(t, '/v1/users/me', undefined)).status, 400);
    assert.equal((await getWithHost(t, '/v1/users/me', 'localhost@rebound.example')).status, 403);
  });

  it('answers loopback names with any port and the hosts it was told to allow', async () => {
    for (const host of ['localhost', `localhost:${t.sandbox.port}`, 'LOCALHOST.', '127.0.0.1:80', '[::1]:9', 'okra-sandbox.test:443']) {
      const res = await getWithHost(t, '/v1/users/me', host);
      assert.equal(res.status, 200, `${host}: ${res.body}`);
      assert.equal((JSON.parse(res.body) as { object: string }).object, 'user');
    }
    assert.equal((await getWithHost(t, '/', `127.0.0.1:${t.sandbox.port}`)).status, 200);
  });

  it('reads the host name out of a Host header, knows which names are loopback, and answers the address it is bound to', () => {
    const cases: Array<[string | undefined, string | undefined]> = [
      ['Example.COM:8765', 'example.com'],
      ['[::1]:8765', '::1'],
      ['[::1]', '::1'],
      ['localhost.', 'localhost'],
      ['a b', undefined],
      ['host:port', undefined],
      ['', undefined],
      [undefined, undefined],
    ];
    assert.deepEqual(
      cases.map(([header]) => hostNameOf(header)),
      cases.map(([, name]) => name),
    );
    assert.deepEqual(
      ['localhost', '127.0.0.1', '127.1.2.3', '::1', '[::1]', '0.0.0.0', '::', '192.168.1.10', 'localhost.example'].map(isLoopbackHost),
      [true, true, true, true, true, false, false, false, false],
    );
    const boundToLan = acceptsHost('192.168.1.10', ['okra.lan']);
    assert.deepEqual(['192.168.1.10:8765', 'OKRA.lan', 'localhost:1', 'rebound.example', '192.168.1.11'].map(boundToLan), [
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
