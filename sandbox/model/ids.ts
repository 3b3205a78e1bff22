import { randomUUID } from 'node:crypto';
import { createRandom, type Random } from './prng';

const HEX32 = /^[0-9a-f]{32}$/;

/**
 * Notion accepts ids with or without dashes, in any case; everything inside the
 * sandbox uses the dashed lower-case form so map lookups need one spelling only.
 */
export function normalizeId(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const hex = raw.replace(/-/g, '').toLowerCase();
  if (!HEX32.test(hex)) return null;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The 32-hex form Notion uses inside URLs. */
export function compactId(id: string): string {
  return id.replace(/-/g, '');
}

// Printable characters Notion uses in property ids; several need URL-encoding,
// which keeps callers honest about encoding ids in paths and query strings.
const PROPERTY_ID_CHARS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:;<=>?@[]^_`{|}~';

/** Generates uuids and short property ids, optionally from a seed. */
export class IdSource {
  private readonly random: Random | null;

  constructor(seed?: number) {
    this.random = seed === undefined ? null : createRandom(seed ^ 0x5eed);
  }

  /** A version-4 shaped uuid. */
  uuid(): string {
    if (!this.random) return randomUUID();
    let hex = '';
    for (let i = 0; i < 32; i++) hex += Math.floor(this.random() * 16).toString(16);
    // Set the version and variant nibbles so the result is a valid v4 uuid.
    hex = `${hex.slice(0, 12)}4${hex.slice(13, 16)}${'89ab'[Math.floor(this.random() * 4)]}${hex.slice(17)}`;
    return normalizeId(hex) as string;
  }

  /** A URL-encoded 4-character property id, unique among `taken`. */
  propertyId(taken: ReadonlySet<string>): string {
    const pick = this.random ?? Math.random;
    for (;;) {
      let raw = '';
      for (let i = 0; i < 4; i++) raw += PROPERTY_ID_CHARS[Math.floor(pick() * PROPERTY_ID_CHARS.length)];
      const id = encodeURIComponent(raw);
      if (id !== 'title' && !taken.has(id)) return id;
    }
  }
}

/** Compares two property ids the way Notion does: encoded and decoded spellings are the same id. */
export function samePropertyId(a: string, b: string): boolean {
  return a === b || safeDecode(a) === safeDecode(b);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
