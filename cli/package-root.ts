import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/** okra's own folder (where package.json, templates/ and examples/ are), from the bundle or the sources. */
export function packageRoot(): string {
  if (cached) return cached;
  for (let dir = __dirname; dirname(dir) !== dir; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'okra') return (cached = dir);
  }
  throw new Error('okra cannot find its own package.json');
}

export function okraVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
