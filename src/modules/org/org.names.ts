/**
 * Short names shown in lists and rankings: the official name without its administrative
 * suffix (西红门地区 → 西红门, 富强西里社区居委会 → 富强西里, 西红门一村村委会 → 西红门一村).
 */
const streetSuffixes = ['街道办事处', '街道', '地区', '镇', '乡'];
// Longest first, so 社区居委会 wins over 居委会.
const communitySuffixes = ['社区居民委员会', '社区居委会', '居民委员会', '村民委员会', '居委会', '村委会'];

function stripSuffix(name: string, suffixes: readonly string[]): string {
  for (const suffix of suffixes) {
    // Never strip a name down to nothing or one character (e.g. a township called 某镇 stays readable).
    if (name.endsWith(suffix) && name.length - suffix.length >= 2) return name.slice(0, -suffix.length);
  }
  return name;
}

/** 西红门地区 → 西红门, 兴丰街道 → 兴丰, 青云店镇 → 青云店; names without a suffix stay whole. */
export function streetShortName(name: string): string {
  return stripSuffix(name, streetSuffixes);
}

/** 富强西里社区居委会 → 富强西里, 前高米店村村委会 → 前高米店村, 兴宇社区居民委员会 → 兴宇. */
export function communityShortName(name: string): string {
  return stripSuffix(name, communitySuffixes);
}

/** 北京市 → 北京, 大兴区 → 大兴; used for cities and districts. */
export function areaShortName(name: string): string {
  return stripSuffix(name, ['特别行政区', '自治州', '自治县', '地区', '市', '区', '县', '盟', '旗']);
}
