import { createHash } from 'node:crypto';
import { escapeMarkdown } from './markdown-escape';

/** What a document was made from: enough to make it again, byte for byte. */
export interface Provenance {
  /** The template's name, e.g. `growwise-review`. */
  template: string;
  /** Short hash of the template and every partial it uses (see {@link templateVersion}). */
  version: string;
  /** okra's version, from the caller (the core does not read package.json). */
  okraVersion?: string;
  /** The workspace's git commit, from the caller; absent outside git. */
  commit?: string;
  /** True when the workspace had uncommitted changes, so the commit alone does not reproduce it. */
  dirty?: boolean;
}

/** 10 hex characters of the SHA-256 of the texts, in the given order, separated by NUL. */
export function templateVersion(texts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const text of texts) hash.update(text).update('\0');
  return hash.digest('hex').slice(0, 10);
}

const COMMIT = /^[0-9a-f]{7,64}$/i;

/**
 * The last line of every document: `_Made with okra 0.1.0 from template one-on-one (v 3f2a1c9d0e),
 * workspace commit 1a2b3c4d5e6f._` No timestamp: the same inputs give the same bytes.
 */
export function provenanceLine(p: Provenance): string {
  const parts = [`Made with okra${p.okraVersion ? ` ${p.okraVersion}` : ''} from template ${p.template} (v ${p.version})`];
  if (p.commit !== undefined && COMMIT.test(p.commit)) {
    parts.push(`workspace commit ${p.commit.slice(0, 12).toLowerCase()}${p.dirty ? ' with uncommitted changes' : ''}`);
  } else if (p.commit !== undefined || p.dirty) {
    parts.push('workspace not committed');
  }
  return `_${escapeMarkdown(parts.join(', '))}._`;
}
