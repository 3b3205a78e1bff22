/** Error codes the sandbox answers with; all but the last three are in the SDK's `APIErrorCode`. */
export type NotionErrorCode =
  | 'unauthorized'
  | 'restricted_resource'
  | 'object_not_found'
  | 'rate_limited'
  | 'invalid_json'
  | 'invalid_request_url'
  | 'invalid_request'
  | 'validation_error'
  | 'conflict_error'
  | 'internal_server_error'
  | 'service_unavailable'
  | 'gateway_timeout'
  | 'service_overload'
  | 'missing_version'
  | 'bad_gateway'
  | 'database_connection_unavailable';

/** The JSON body of every Notion error response. */
export interface NotionErrorBody {
  object: 'error';
  status: number;
  code: NotionErrorCode;
  message: string;
  request_id: string;
  additional_data?: Record<string, string | string[]>;
}

/** Thrown anywhere in a handler; the server turns it into a Notion error response. */
export class NotionError extends Error {
  constructor(
    readonly status: number,
    readonly code: NotionErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly additionalData?: Record<string, string | string[]>,
  ) {
    super(message);
    this.name = 'NotionError';
  }

  /** The response body for this error. */
  toBody(requestId: string): NotionErrorBody {
    const body: NotionErrorBody = { object: 'error', status: this.status, code: this.code, message: this.message, request_id: requestId };
    if (this.additionalData) body.additional_data = this.additionalData;
    return body;
  }
}

/** 400 `validation_error` with a message that already says what failed. */
export function validationError(message: string): NotionError {
  return new NotionError(400, 'validation_error', message);
}

/** Object kinds as Notion names them in "Could not find …" messages. */
export type ObjectKind = 'page' | 'database' | 'data_source' | 'block' | 'user' | 'property';

/** 404 for objects that do not exist and, on purpose identically, for objects not shared with the integration. */
export function notFound(kind: ObjectKind, id: string): NotionError {
  return new NotionError(
    404,
    'object_not_found',
    `Could not find ${kind} with ID: ${id}. Make sure the relevant pages and databases are shared with your integration.`,
  );
}

/** 401 for a missing or wrong bearer token. */
export function unauthorized(): NotionError {
  return new NotionError(401, 'unauthorized', 'API token is invalid.');
}

/** 400 when the Notion-Version header is absent. */
export function missingVersion(): NotionError {
  return new NotionError(
    400,
    'missing_version',
    'Notion-Version header failed validation: Notion-Version header should be defined, instead was `undefined`.',
  );
}

/** 400 for a body that is not JSON. */
export function invalidJson(): NotionError {
  return new NotionError(400, 'invalid_json', 'Error parsing JSON body.');
}

/** 400 for a path or method the API does not serve. */
export function invalidRequestUrl(): NotionError {
  return new NotionError(400, 'invalid_request_url', 'Invalid request URL.');
}

/** 429 with an integer `Retry-After`. */
export function rateLimited(retryAfterSeconds: number): NotionError {
  return new NotionError(429, 'rate_limited', 'You have been rate limited. Please try again in a few minutes.', {
    'retry-after': String(retryAfterSeconds),
  });
}

/** 400 for writes to trashed pages and blocks (Notion's wording). */
export function archivedError(kind: 'page' | 'block'): NotionError {
  return kind === 'page'
    ? validationError("Can't edit page that is archived. You must unarchive the page before editing.")
    : validationError("Can't edit block that is archived. You must unarchive the block before editing.");
}
