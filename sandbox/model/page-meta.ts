import type { StoredCover, StoredIcon } from './types';
import { expectObject, expectString, failed } from './validate-body';

/** Validates an `icon` (emoji or external URL; uploads are not emulated). `null` clears it. */
export function parseIcon(raw: unknown, path: string): StoredIcon | null {
  if (raw === null) return null;
  const icon = expectObject(raw, path);
  if (icon.emoji !== undefined || icon.type === 'emoji') return { type: 'emoji', emoji: expectString(icon.emoji, `${path}.emoji`, 20) };
  if (icon.external !== undefined || icon.type === 'external') {
    const external = expectObject(icon.external, `${path}.external`);
    return { type: 'external', external: { url: expectString(external.url, `${path}.external.url`, 2000) } };
  }
  throw failed(`${path}.emoji`, 'should be defined (the sandbox supports emoji and external icons)', undefined);
}

/** Validates a `cover` (external URL only). `null` clears it. */
export function parseCover(raw: unknown, path: string): StoredCover | null {
  if (raw === null) return null;
  const cover = expectObject(raw, path);
  const external = expectObject(cover.external, `${path}.external`);
  return { type: 'external', external: { url: expectString(external.url, `${path}.external.url`, 2000) } };
}
