/**
 * Text normalisation shared by training and classification: both sides must see the same
 * characters, so every feature is computed from `normalizeText(raw)`.
 */

/** Characters that carry no meaning for the category but vary between writers. */
const HTML_TAG = /<\/?[a-zA-Z][^<>]{0,500}>/g;
const HTML_ENTITY = /&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g;
const EMOJI =
  /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Regional_Indicator}|\u{FE0E}|\u{FE0F}|\u{200D}|\u{20E3}/gu;
const CONTROL = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}]/gu;
const DIGITS = /\d+(?:[.,]\d+)*/g;
const SPACES = /\s+/g;
const HAN = /\p{Script=Han}/u;

/**
 * Full-width → half-width (NFKC), HTML tags and entities and emoji removed, latin lower-cased,
 * every number collapsed to `0` (house numbers and dates say nothing about the category, and a
 * vocabulary of them would only overfit), whitespace runs collapsed to one space.
 */
export function normalizeText(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(HTML_TAG, ' ')
    .replace(HTML_ENTITY, ' ')
    .replace(EMOJI, ' ')
    .replace(CONTROL, ' ')
    .toLowerCase()
    .replace(DIGITS, '0')
    .replace(SPACES, ' ')
    .trim();
}

/** Whether the text has at least one Chinese character: the model only knows Chinese. */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
