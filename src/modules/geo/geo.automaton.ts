/**
 * A small Aho–Corasick automaton: every occurrence of every pattern in one pass over the text,
 * whatever the number of patterns (a district has a few thousand names and aliases). Patterns map
 * to payloads; one pattern may carry several (a village name that exists under two townships).
 * Written here rather than taken from npm: it is 80 lines and the packages that exist either
 * lack payloads or are unmaintained.
 */
export interface Hit<T> {
  start: number;
  /** Exclusive. */
  end: number;
  pattern: string;
  values: readonly T[];
}

export class Automaton<T> {
  private readonly next: Array<Map<string, number>> = [new Map<string, number>()];
  private readonly fail: number[] = [0];
  /** Patterns ending at a state, its own first, then those reached through failure links. */
  private readonly out: Array<Array<{ pattern: string; values: T[] }>> = [[]];
  private built = false;

  /** Adds a pattern (ignored when empty); the same pattern added twice collects both values. */
  add(pattern: string, value: T): void {
    if (this.built) throw new Error('automaton already built');
    if (pattern.length === 0) return;
    let state = 0;
    for (const ch of pattern) {
      let to = this.next[state]!.get(ch);
      if (to === undefined) {
        to = this.next.length;
        this.next.push(new Map<string, number>());
        this.fail.push(0);
        this.out.push([]);
        this.next[state]!.set(ch, to);
      }
      state = to;
    }
    const own = this.out[state]!;
    const existing = own.find((o) => o.pattern === pattern);
    if (existing) existing.values.push(value);
    else own.push({ pattern, values: [value] });
  }

  /** Computes failure links breadth-first; call once after the last add. */
  build(): this {
    const queue: number[] = [];
    for (const to of this.next[0]!.values()) queue.push(to);
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      for (const [ch, to] of this.next[state]!) {
        let f = this.fail[state]!;
        while (f !== 0 && !this.next[f]!.has(ch)) f = this.fail[f]!;
        const target = this.next[f]!.get(ch);
        this.fail[to] = target !== undefined && target !== to ? target : 0;
        this.out[to]!.push(...this.out[this.fail[to]]!);
        queue.push(to);
      }
    }
    this.built = true;
    return this;
  }

  /** Every occurrence of every pattern, in order of their end position. */
  search(text: string): Array<Hit<T>> {
    if (!this.built) this.build();
    const hits: Array<Hit<T>> = [];
    let state = 0;
    let i = 0;
    for (const ch of text) {
      i += ch.length;
      while (state !== 0 && !this.next[state]!.has(ch)) state = this.fail[state]!;
      state = this.next[state]!.get(ch) ?? 0;
      for (const o of this.out[state]!) {
        hits.push({ start: i - o.pattern.length, end: i, pattern: o.pattern, values: o.values });
      }
    }
    return hits;
  }

  /** Number of states (for diagnostics). */
  get size(): number {
    return this.next.length;
  }
}
