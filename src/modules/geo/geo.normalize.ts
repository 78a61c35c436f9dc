/**
 * Address text normalisation for matching. Addresses arrive with full-width letters and digits,
 * spaces, punctuation and the odd traditional or variant character of an official name (东趙村,
 * 大迴城村); names and addresses go through the same function so they meet half way.
 * The result keeps, for every normalised character, its offset in the original text, so a match
 * can be reported as the span the person actually typed.
 */
export interface Normalized {
  text: string;
  /** offsets[i] = index in the original string of normalised char i; offsets[text.length] = original length. */
  offsets: number[];
}

// Variant → common form. Small on purpose: the characters that occur in division names.
const VARIANTS: Record<string, string> = {
  趙: '赵',
  迴: '回',
  裏: '里',
  莊: '庄',
  營: '营',
  門: '门',
  區: '区',
  鎮: '镇',
  鄉: '乡',
  縣: '县',
  園: '园',
  東: '东',
  馬: '马',
  閆: '闫',
  舊: '旧',
  宮: '宫',
  興: '兴',
  紅: '红',
  華: '华',
  張: '张',
  劉: '刘',
  樓: '楼',
  龍: '龙',
  鳳: '凤',
  廣: '广',
  陽: '阳',
  濱: '滨',
  灣: '湾',
  錦: '锦',
};

// Whitespace, ASCII and CJK punctuation, brackets, dashes, middle dots.
const SKIP = /[\s\p{P}\p{S}\u3000]/u;

/** NFKC (full-width → half-width), lower case, variants folded, whitespace and punctuation dropped. */
export function normalizeAddress(input: string): Normalized {
  let text = '';
  const offsets: number[] = [];
  let i = 0;
  for (const ch of input) {
    const code = ch.charCodeAt(0);
    // CJK ideographs (nearly every character of an address) need no NFKC, only the variant map.
    if (code >= 0x4e00 && code <= 0x9fff) {
      text += VARIANTS[ch] ?? ch;
      offsets.push(i);
      i += 1;
      continue;
    }
    const folded = ch.normalize('NFKC').toLowerCase();
    for (const c of folded) {
      if (SKIP.test(c)) continue;
      const out = VARIANTS[c] ?? c;
      text += out;
      // One offset per UTF-16 unit, so automaton positions (UTF-16) index it directly.
      for (let k = 0; k < out.length; k++) offsets.push(i);
    }
    i += ch.length;
  }
  offsets.push(input.length);
  return { text, offsets };
}

/** Normalised form of a name (no offsets needed). */
export function normalizeName(name: string): string {
  return normalizeAddress(name).text;
}

const DIGITS = '〇一二三四五六七八九';

/** 一..九十九 → 1..99 for the small ordinals of names (西红门十一村, 南海家园七里); else null. */
export function chineseOrdinal(s: string): number | null {
  if (/^[一二三四五六七八九]$/.test(s)) return DIGITS.indexOf(s);
  const m = /^([一二三四五六七八九]?)十([一二三四五六七八九]?)$/.exec(s);
  if (!m) return null;
  const tens = m[1] ? DIGITS.indexOf(m[1]) : 1;
  const ones = m[2] ? DIGITS.indexOf(m[2]) : 0;
  return tens * 10 + ones;
}
