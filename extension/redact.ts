/**
 * The one place secrets are removed from text that may be logged or shown. Pure (no vscode), so
 * it is unit-tested in `test/extension-unit/`. The Notion token reaches okra through the sync
 * (a later step): register it with `addSecret` the moment it is read; every log line goes
 * through `redact`.
 */
const secrets = new Set<string>();

/** Notion integration tokens (`secret_…`, `ntn_…`) and bearer headers, even when not registered. */
const PATTERNS: RegExp[] = [/\b(secret|ntn)_[A-Za-z0-9]{20,}\b/g, /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi];

export const REDACTED = '[redacted]';

export function addSecret(secret: string | undefined): void {
  // Very short strings would blank out ordinary words.
  if (secret && secret.length >= 8) secrets.add(secret);
}

export function clearSecrets(): void {
  secrets.clear();
}

export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join(REDACTED);
  for (const pattern of PATTERNS)
    out = out.replace(pattern, (_whole, prefix: string) => (/^bearer/i.test(prefix) ? `${prefix}${REDACTED}` : REDACTED));
  return out;
}
