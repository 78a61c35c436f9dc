/**
 * Category codes: level 1 `NN` (大类), level 2 `NN-NN` (中类), level 3 `NN-NN-NN` (小类), each
 * segment 01–99. A code carries its ancestry: the parent of `35-02-01` is `35-02`. Leaves may sit
 * at level 2 or 3 (and a level-1 node with no children yet is a leaf too).
 */
export const CODE_PATTERN = /^(0[1-9]|[1-9]\d)(-(0[1-9]|[1-9]\d)){0,2}$/;

/** True when `code` follows the scheme. */
export function isCategoryCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** 1, 2 or 3. */
export function codeLevel(code: string): number {
  return code.split('-').length;
}

/** The parent's code, or null at level 1. */
export function parentCode(code: string): string | null {
  const i = code.lastIndexOf('-');
  return i < 0 ? null : code.slice(0, i);
}

/** The codes from the root down to and including `code`: `35-02-01` → `35`, `35-02`, `35-02-01`. */
export function ancestorCodes(code: string): string[] {
  const parts = code.split('-');
  return parts.map((_, i) => parts.slice(0, i + 1).join('-'));
}

/** The next free child code under `parent` (or at level 1) given the codes already taken. */
export function nextChildCode(parent: string | null, taken: readonly string[]): string {
  const used = new Set(taken.map((c) => Number(c.slice(c.lastIndexOf('-') + 1))));
  for (let n = 1; n <= 99; n++) {
    if (!used.has(n)) {
      const segment = String(n).padStart(2, '0');
      return parent ? `${parent}-${segment}` : segment;
    }
  }
  throw new RangeError(`no free code under ${parent ?? 'the root'}`);
}
