/**
 * A 53-bit hash of a kind and an id (cyrb53): what the workspace outline keeps instead of the id
 * itself, 8 bytes in a typed array rather than a string in a Map (184 MB of heap for the 1.6
 * million ids of a 10,000-file workspace). Two different ids share a hash with a chance of about
 * 10⁻¹⁰ per pair in a workspace that size; see WorkspaceOutline for what that could cost. Never 0,
 * which marks an empty slot.
 */
export function idHash(kind: string, id: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < kind.length; i++) {
    const ch = kind.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  // A separator no id contains, so that ("ab", "c") and ("a", "bc") differ.
  h1 = Math.imul(h1, 2654435761);
  h2 = Math.imul(h2, 1597334677);
  for (let i = 0; i < id.length; i++) {
    const ch = id.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0) || 1;
}
