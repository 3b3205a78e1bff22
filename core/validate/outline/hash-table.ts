/** Slots are doubled once more than this share of them is used. */
// Linear probing stays short up to here (about 3 probes to find a key, 13 to miss one), and a
// lower load would double the memory of a table that holds 1.6 million ids.
const MAX_LOAD = 0.8;

type Values = Float64Array | Int32Array;

/**
 * A map from `idHash` values to numbers in two typed arrays (open addressing, linear probing):
 * 16 bytes a slot where a `Map` of boxed doubles costs about 50 an entry and makes the garbage
 * collector walk every one. Keys are never 0. Values are whole numbers below 2³¹ (file
 * indexes) unless the table is made `wide`, for hashes.
 */
export class HashTable {
  private keys: Float64Array;
  private values: Values;
  private mask: number;
  /** 32 − log2(slots): the first slot is the top bits of the mixed key. */
  private shift: number;
  private count = 0;
  /**
   * Each table mixes keys with a multiplier of its own. With one shared slot function, filling a
   * table in another's slot order (as the alignment walk does) makes linear probing quadratic:
   * 80,000 keys took 0.6 s instead of milliseconds.
   */
  private readonly multiplier: number;
  private static tables = 0;

  constructor(private readonly wide = false) {
    this.keys = new Float64Array(1024);
    this.values = this.valuesOf(1024);
    this.mask = 1023;
    this.shift = 22;
    this.multiplier = (Math.imul(0x9e3779b1, 2 * ++HashTable.tables + 1) | 1) >>> 0;
  }

  private valuesOf(size: number): Values {
    return this.wide ? new Float64Array(size) : new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  private slot(key: number): number {
    let i = Math.imul((key >>> 0) ^ Math.floor(key / 4294967296), this.multiplier) >>> this.shift;
    while (this.keys[i] !== 0 && this.keys[i] !== key) i = (i + 1) & this.mask;
    return i;
  }

  has(key: number): boolean {
    return this.keys[this.slot(key)] === key;
  }

  /** The value of `key`, or `undefined`. */
  get(key: number): number | undefined {
    const i = this.slot(key);
    return this.keys[i] === key ? this.values[i] : undefined;
  }

  set(key: number, value: number): void {
    const i = this.slot(key);
    if (this.keys[i] !== key) {
      if ((this.count + 1) / this.keys.length > MAX_LOAD) {
        this.grow();
        this.set(key, value);
        return;
      }
      this.keys[i] = key;
      this.count++;
    }
    this.values[i] = value;
  }

  forEach(visit: (key: number, value: number) => void): void {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) visit(this.keys[i], this.values[i]);
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = this.valuesOf(keys.length * 2);
    this.mask = this.keys.length - 1;
    this.shift--;
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] === 0) continue;
      const j = this.slot(keys[i]);
      this.keys[j] = keys[i];
      this.values[j] = values[i];
    }
  }
}
