// Street lines as the extractions give them in pieces: number, repetition index, street type (a code
// such as "AV" in FINESS, a label such as "Rue" in the Annuaire Santé) and street name.
import { joinWords } from './columns.ts';

// The common codes of the national nomenclature; an unknown code is kept as written.
const STREET_TYPES: Record<string, string> = {
  R: 'rue', AV: 'avenue', BD: 'boulevard', PL: 'place', RTE: 'route', CHE: 'chemin', ALL: 'allée', IMP: 'impasse',
  QUA: 'quai', QU: 'quai', SQ: 'square', CRS: 'cours', FG: 'faubourg', PAS: 'passage', HAM: 'hameau', LD: 'lieu-dit',
  RES: 'résidence',
};

const firstWord = (text: string) => text.split(' ')[0]!.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * "4", "B", "R" or "Rue", "Larrey" → "4 B rue Larrey". The type takes the case of the street name
 * (FINESS writes names in capitals) and is left out when the name already starts with it
 * ("CHE" + "CHEMIN SAFER MORANGE").
 */
export function streetLine(number: string | null, index: string | null, type: string | null, name: string | null): string | null {
  const known = type ? STREET_TYPES[type.toUpperCase()] : undefined;
  const word = known ?? type;
  if (!word || !name) return joinWords(number, index, word, name);
  if (firstWord(name) === firstWord(word)) return joinWords(number, index, name);
  // an unknown code in capitals ("ZAC") is kept as written
  if (!known && word === word.toUpperCase()) return joinWords(number, index, word, name);
  const shouting = name === name.toUpperCase();
  return joinWords(number, index, shouting ? word.toUpperCase() : word.toLowerCase(), name);
}
