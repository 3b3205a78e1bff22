import { NotionError } from './model/errors';

/**
 * The token the sandbox accepts unless given another. It is printed in the README and in every
 * example, so it protects nothing: fine on loopback, not on an address other machines reach.
 */
export const PUBLIC_SANDBOX_TOKEN = 'secret_sandbox';

/** `host[:port]` or `[ipv6][:port]`, as a Host header carries it. */
const HOST_HEADER = /^(?:\[([0-9a-f:.]+)\]|([^\s:[\]/@]+))(?::\d{1,5})?$/i;

/** A host name as compared here: lower-case, without IPv6 brackets or a trailing dot. */
const normalizeHostName = (name: string): string =>
  name
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');

/** The host name a Host header names, without its port; undefined when absent or malformed. */
export function hostNameOf(header: string | undefined): string | undefined {
  const match = HOST_HEADER.exec(header ?? '');
  return match ? normalizeHostName(match[1] ?? match[2]) : undefined;
}

/** Whether a host name or address can only mean this machine: localhost, 127.0.0.0/8, ::1. */
export function isLoopbackHost(name: string): boolean {
  const host = normalizeHostName(name);
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Which Host headers the sandbox answers: loopback names, the address it is bound to, and the
 * names it was told to allow. A web page that points a domain of its own at 127.0.0.1 (DNS
 * rebinding) sends that domain as the Host, so refusing other names keeps the page out.
 */
export function acceptsHost(boundHost: string, allowedHosts: readonly string[] = []): (header: string | undefined) => boolean {
  const allowed = new Set([boundHost, ...allowedHosts].map(normalizeHostName));
  return (header) => {
    const name = hostNameOf(header);
    return name !== undefined && (isLoopbackHost(name) || allowed.has(name));
  };
}

/** 403 in Notion's error shape for a request addressed to a host the sandbox does not answer. */
export function hostNotAllowed(header: string | undefined): NotionError {
  return new NotionError(
    403,
    'restricted_resource',
    `The sandbox answers only requests addressed to localhost, 127.0.0.1, [::1], the address it listens on ` +
      `or a host it was told to allow (okra sandbox --allow-host); this one was addressed to ${JSON.stringify(header ?? '')}.`,
  );
}
