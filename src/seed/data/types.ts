import type { Category } from '../../platform/db/schema.js';
import type { ProfileName } from './deadline-profiles.js';

export type Kind = Category['kind'];

/** One node of the seeded taxonomy; a node without children is a leaf and gets deadlines. */
export interface SeedCategory {
  /** Full code (`NN`, `NN-NN`, `NN-NN-NN`); children extend their parent's code. */
  code: string;
  name: string;
  nameEn: string;
  kind: Kind;
  /** Deadline profile of a leaf; defaults by kind (see deadline-profiles.ts). */
  profile?: ProfileName;
  children?: SeedCategory[];
}

/** A branch. */
export function group(code: string, name: string, nameEn: string, kind: Kind, children: SeedCategory[]): SeedCategory {
  return { code, name, nameEn, kind, children };
}

/** A leaf, with an optional deadline profile. */
export function leaf(code: string, name: string, nameEn: string, kind: Kind, profile?: ProfileName): SeedCategory {
  return profile ? { code, name, nameEn, kind, profile } : { code, name, nameEn, kind };
}

/** A dispatch rule of the demo catalogue; departments are named by suffix (`D01`…`D20`). */
export interface SeedRule {
  /** Category code, or null for any category. */
  category: string | null;
  mode: 'unit' | 'street';
  lead?: string;
  co?: string[];
  note: string;
}
