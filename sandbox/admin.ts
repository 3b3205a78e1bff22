import { NotionError, validationError } from './model/errors';
import { FAULT_KINDS, type FaultKind, type FaultSpec } from './faults';
import type { SandboxHandle } from './server';
import { isObject } from './model/validate-body';

/**
 * `/__sandbox/*`: test and operator hooks outside the emulated API.
 *
 * - `GET state`, `GET stats`
 * - `POST faults` with a FaultSpec, or `{"next": {"kind": "502", "count": 2, "match": "PATCH /v1/pages", "afterWrite": true}}`, or `{"off": true}`
 * - `POST root-pages` with `{"title": "OKRs", "shared": true}` → `{"id": …}`
 * - `POST user-edit` with `{"page_id": …, "properties": {…}, "in_trash"?: …, "user_id"?: …}` → the page
 *
 * POSTs must be `application/json`, which browsers cannot send cross-origin without
 * a preflight the sandbox never answers, so a web page cannot drive these hooks.
 */
export async function handleAdmin(
  handle: SandboxHandle,
  method: string,
  action: string,
  contentType: string | undefined,
  rawBody: string,
): Promise<unknown> {
  if (method === 'GET' && action === 'state') return handle.state();
  if (method === 'GET' && action === 'stats') return handle.stats();
  if (method !== 'POST') throw new NotionError(404, 'invalid_request_url', `Unknown sandbox admin route: ${method} /__sandbox/${action}`);
  if (!contentType?.startsWith('application/json'))
    throw new NotionError(415, 'invalid_request', 'Sandbox admin routes accept application/json only.');
  let body: unknown;
  try {
    body = JSON.parse(rawBody || '{}');
  } catch {
    throw new NotionError(400, 'invalid_json', 'Error parsing JSON body.');
  }
  if (!isObject(body)) throw validationError('The admin request body should be an object.');
  switch (action) {
    case 'faults': {
      if (body.off === true) {
        handle.setFaults(null);
        return { ok: true };
      }
      if (isObject(body.next)) {
        const kind = String(body.next.kind) as FaultKind;
        if (!FAULT_KINDS.includes(kind)) throw validationError(`Unknown fault kind ${kind}.`);
        handle.failNext(kind, {
          count: typeof body.next.count === 'number' ? body.next.count : 1,
          match: typeof body.next.match === 'string' ? body.next.match : undefined,
          afterWrite: body.next.afterWrite === true,
        });
        return { ok: true };
      }
      try {
        handle.setFaults(body as FaultSpec);
      } catch (error) {
        throw validationError((error as Error).message);
      }
      return { ok: true };
    }
    case 'root-pages': {
      if (typeof body.title !== 'string') throw validationError('root-pages needs a string "title".');
      return { id: handle.createRootPage(body.title, { shared: body.shared !== false }) };
    }
    case 'user-edit': {
      if (typeof body.page_id !== 'string') throw validationError('user-edit needs a "page_id".');
      try {
        return handle.simulateUserEdit({
          pageId: body.page_id,
          properties: isObject(body.properties) ? body.properties : undefined,
          inTrash: typeof body.in_trash === 'boolean' ? body.in_trash : undefined,
          userId: typeof body.user_id === 'string' ? body.user_id : undefined,
        });
      } catch (error) {
        if (error instanceof NotionError) throw error;
        throw new NotionError(404, 'object_not_found', (error as Error).message);
      }
    }
    default:
      throw new NotionError(404, 'invalid_request_url', `Unknown sandbox admin route: POST /__sandbox/${action}`);
  }
}
