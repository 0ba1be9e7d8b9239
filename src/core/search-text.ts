// One normalisation for every name search: accents, case, hyphens and apostrophes never matter.
export function normaliseForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[-'’.]/g, ' ')
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Escapes LIKE wildcards so a typed "%" or "_" matches itself.
export function likePrefix(normalised: string): string {
  return normalised.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}
