/**
 * An open-addressing hash table from n-gram keys (positive integers < 2^53) to slot numbers.
 * JavaScript's Map boxes keys above 2^31 and was the bottleneck of both training and
 * classification; this table keeps each key next to its value in one Float64Array (one cache
 * line per probe) and probes linearly.
 */
export class KeyTable {
  /** [key, value] pairs; key 0 marks an empty slot (no n-gram has key 0). */
  slots: Float64Array;
  size = 0;
  private mask: number;

  constructor(capacity = 1024) {
    let cap = 16;
    while (cap < capacity * 2) cap *= 2;
    this.slots = new Float64Array(cap * 2);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    const lo = key >>> 0;
    const hi = (key / 4294967296) >>> 0;
    let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    let s = h & this.mask;
    const slots = this.slots;
    for (;;) {
      const k = slots[2 * s]!;
      if (k === key || k === 0) return s;
      s = (s + 1) & this.mask;
    }
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const s = this.slot(key);
    return this.slots[2 * s] === 0 ? -1 : this.slots[2 * s + 1]!;
  }

  /** Stores `key` if absent with the value `size` (0, 1, 2, … in insertion order); returns its value. */
  insert(key: number): number {
    const s = this.slot(key);
    if (this.slots[2 * s] !== 0) return this.slots[2 * s + 1]!;
    this.slots[2 * s] = key;
    this.slots[2 * s + 1] = this.size++;
    if (this.size * 2 > this.mask + 1) this.grow();
    return this.size - 1;
  }

  /** Stores `key` with an explicit value (not counted in the insertion numbering). */
  set(key: number, value: number): void {
    const s = this.slot(key);
    if (this.slots[2 * s] === 0) {
      this.slots[2 * s] = key;
      if (++this.size * 2 > this.mask + 1) {
        this.slots[2 * s + 1] = value;
        this.grow();
        return;
      }
    }
    this.slots[2 * s + 1] = value;
  }

  /** Every stored key with its value. */
  *entries(): Generator<[number, number]> {
    for (let s = 0; s < this.slots.length; s += 2)
      if (this.slots[s] !== 0) yield [this.slots[s]!, this.slots[s + 1]!];
  }

  private grow(): void {
    const old = this.slots;
    this.slots = new Float64Array(old.length * 2);
    this.mask = this.slots.length / 2 - 1;
    for (let s = 0; s < old.length; s += 2) {
      if (old[s] !== 0) {
        const t = this.slot(old[s]!);
        this.slots[2 * t] = old[s]!;
        this.slots[2 * t + 1] = old[s + 1]!;
      }
    }
  }
}
