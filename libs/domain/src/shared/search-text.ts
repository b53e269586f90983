/**
 * Folds Vietnamese text for diacritics-insensitive matching: "Đường Hạ Long" and "duong ha long" both become
 * "duong ha long". NFD splits base letters from tone and vowel marks; đ/Đ has no decomposition, so map it.
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
