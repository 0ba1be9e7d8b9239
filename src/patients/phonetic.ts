// A phonetic key for French family and given names, used by identity vigilance to find records that
// may be the same person written differently (`phonetic_names` candidate reason). Pure and fast: one
// pass over the letters, no regular expressions, two module-level buffers reused between calls.
//
// Based on Phonex, by Frédéric Brouard (described at http://sqlpro.developpez.com/cours/soundex/, next to
// his Soundex2), read in the string form of talisman (Guillaume Plique, src/phonetics/french/phonex.js):
// letter groups become one code per sound (nasal vowels, OU, OI, CH, AU/EAU, AI/EI, intervocalic S → Z,
// GU/QU/C → K...), repeated codes are squeezed, silent final letters are dropped. A few rules come from
// the "phonétique française" of Edouard Bergé (http://www.roudoudou.com/phonetic.php, talisman
// src/phonetics/french/phonetic.js): CH before R or L is K, UN is IN, ILL is a glide, silent endings.
//
// Where we depart from Phonex, and why:
// - Three nasal codes instead of two: AN/EN [ɑ̃], ON [ɔ̃], IN/AIN/EIN/UN/IEN [ɛ̃]. Phonex gives AN, EN and
//   ON one code; LAURENT and LAURON are different names.
// - No merging of consonant classes nor of A/O (Phonex: A→O, D/P→T, B/V→F, J→G, M→N). Every collision
//   puts an unrelated patient in a duplicate candidate list; typing slips are the job of the edit
//   distance reason (`similar_names`), not of the phonetic key.
// - Every E sound (e, é, è, ê, ai, ei, eu, œu) is one code E. Phonex codes é/è apart from e, but it reads
//   the accents, and INS traits and many legacy records have none: the key must not depend on them
//   (CÔTÉ and COTE are one key, so are BOUCHÉ and BOUCHE).
// - Silent endings, before coding: a final S or X; -AULT/-AULD → AU; a final written -ER → E; then final
//   T and D (repeatedly: SCHMIDT); P after M, C and G after N (DESCHAMPS, LEBLANC, DULONG). After coding
//   a final E is dropped (FAURE = FAUR) — after the nasal decision, so SIMONE keeps an oral N and
//   differs from SIMON. Hence -E, -É, -ER and -ET share a key (BOUCHE = BOUCHÉ = BOUCHER = BOUCHET);
//   but the E uncovered after I in -IER/-IET is heard and kept (PERRIER ≠ PERRY, GUIET ≠ GUY), and
//   -AI/-AIS keep their E (ANAIS ≠ ANNE). Phonex only drops a final T or X (D and P having become T).
// - Added French rules: ILL after a vowel (also the silent U of GUILL/QUILL) is the glide I
//   (CAILLAUD = CAYAUD), also after a consonant unless it ends the word (-ILLE: CAMILLE = CAMILE,
//   GILLES) or follows V/M (VILLE, MILLE); AY/OY/EY and AI/OI/EI before a vowel keep the glide (MEYER = MEIER); SCH/SH/CH → X, but
//   CH before R/L → K; B before V is silent (LEFEBVRE); S is silent in a leading DES + consonant
//   (DESCHAMPS = DECHAMP) and in ESN (DUCHESNE = DUCHENE); T/D between a nasal and a consonant other
//   than R/L is silent (GRANDJEAN = GRANJEAN); APT → AT (BAPTISTE); GN → NI; GE and JE before A/O → J
//   (JEAN, GEORGES); a final -EE counts as one E (DESIREE = DESIRE); W → V; X → KS; OE stays two
//   vowels (NOEL) but OEU is E.
// - Phonex then turns the code into a number; we keep the string, as talisman does.
//
// The ambiguous pairs of the brief, decided:
// - GUYOT / GUILLOT: one key. Both are read /gi.jo/ (GU before I/Y is a hard G, ILL before a vowel is
//   the glide [j]); recall matters more here, and birth date and sex separate the namesakes.
// - BOUCHER / BOUCHÉ: one key. The accent cannot count (see above), so BOUCHÉ = BOUCHE, and a final
//   mute E must go (FAURE = FAUR); -ER at the end of a French surname is [e] (ROGER, MERCIER), so the
//   three read alike. ROBERT keeps its R: the -ER rule only applies to a written final ER.
// - LAURENT / LORRAIN: two keys. [ɑ̃] and [ɛ̃] are distinct vowels and these are distinct names.
//
// Input: any case, accents, hyphens, apostrophes, spaces; the words are joined (LE GALL = LEGALL =
// LEGAL). Letters outside Latin script are ignored. Ç is read as C, like its unaccented spelling.
// Output alphabet: A B D E F G I J K L M N O P R S T U V Z, plus Q = [ɑ̃], H = [ɔ̃], Y = [ɛ̃],
// W = OU [u], X = CH [ʃ]. Empty input (or no Latin letter at all) gives ''.

const A = 65, B = 66, C = 67, D = 68, E = 69, F = 70, G = 71, H = 72, I = 73, J = 74, K = 75, L = 76;
const M = 77, N = 78, O = 79, P = 80, Q = 81, R = 82, S = 83, T = 84, U = 85, V = 86, W = 87, X = 88;
const Y = 89, Z = 90;

// Codes that are not letters of the input once coded.
const NASAL_AN = Q;
const NASAL_ON = H;
const NASAL_IN = Y;
const SOUND_OU = W;
const SOUND_CH = X;

const VOWEL = new Uint8Array(128);
for (const c of [A, E, I, O, U, Y]) VOWEL[c] = 1;

// Letters of the name (A–Z), followed by zero sentinels so that lookahead never leaves the array.
let letters = new Uint8Array(64);
let code = new Uint8Array(128);
let codeLength = 0;
// Set by trimEnding: the final E was uncovered by dropping R, T or D after an I (-IER, -IET) and is heard.
let finalEHeard = false;

function isConsonant(c: number): boolean {
  return c !== 0 && VOWEL[c] === 0;
}

function emit(c: number): void {
  if (codeLength === 0 || code[codeLength - 1] !== c) code[codeLength++] = c;
}

/** Upper-case A–Z letters of `name` into `letters`; returns how many. */
function loadLetters(name: string): number {
  let text = name;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) {
      text = text.normalize('NFD');
      break;
    }
  }
  // At most two letters per UTF-16 unit (Œ → OE), plus the sentinels.
  if (letters.length < text.length * 2 + 8) {
    letters = new Uint8Array(text.length * 2 + 8);
    code = new Uint8Array(text.length * 4 + 8);
  }
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    if (c >= A && c <= Z) {
      letters[n++] = c;
      continue;
    }
    if (c < 128) continue; // space, hyphen, apostrophe, digit, punctuation
    switch (c) {
      case 0x152: case 0x153: letters[n++] = O; letters[n++] = E; break; // Œ œ
      case 0xc6: case 0xe6: letters[n++] = A; letters[n++] = E; break; // Æ æ
      case 0xdf: letters[n++] = S; letters[n++] = S; break; // ß
      case 0xd8: case 0xf8: letters[n++] = O; break; // Ø ø
      case 0x141: case 0x142: letters[n++] = L; break; // Ł ł
      case 0x110: case 0x111: letters[n++] = D; break; // Đ đ
      case 0x131: letters[n++] = I; break; // ı
      default: break; // combining marks (U+0300–036F) after NFD, other scripts
    }
  }
  return n;
}

/** Drops the silent written endings; returns the new length. */
function trimEnding(length: number): number {
  let n = length;
  if (n > 1 && (letters[n - 1] === S || letters[n - 1] === X)) n--;
  const written = n;
  if (n > 4 && letters[n - 4] === A && letters[n - 3] === U && letters[n - 2] === L
    && (letters[n - 1] === T || letters[n - 1] === D)) n -= 2; // RENAULT, RENAULD → RENAU
  else if (n > 3 && letters[n - 2] === E && letters[n - 1] === R) n--; // BOUCHER → BOUCHE
  while (n > 1 && (letters[n - 1] === T || letters[n - 1] === D)) n--;
  if (n > 2) {
    const last = letters[n - 1], before = letters[n - 2];
    if ((last === P && before === M) || ((last === C || last === G) && before === N)) n--;
  }
  finalEHeard = n < written && n > 2 && letters[n - 1] === E && (letters[n - 2] === I || letters[n - 2] === Y);
  return n;
}

/** N or M at `j` closes a nasal vowel: followed by a consonant other than N/M, or by the end. */
function closesNasal(j: number): boolean {
  const next = letters[j + 1];
  return VOWEL[next] === 0 && next !== N && next !== M;
}

/** After a nasal vowel, a T or D before a consonant other than R/L is silent (GRANDJEAN, MONTMARTRE). */
function afterNasal(j: number, n: number): number {
  const c = letters[j];
  if ((c === T || c === D) && j + 1 < n) {
    const next = letters[j + 1];
    if (isConsonant(next) && next !== R && next !== L) return j + 1;
  }
  return j;
}

/** The ILL / IL rules at `i` (letters[i] is I, letters[i + 1] is L); returns the next index, or -1. */
function glide(i: number, n: number): number {
  const before = i > 0 ? letters[i - 1] : 0;
  if (letters[i + 2] === L) {
    if (VOWEL[before] === 1) { emit(I); return i + 3; } // CAILLAUD, MIREILLE, GUILLOT, BOUILLON
    const ending = i + 3 === n || (i + 4 === n && letters[i + 3] === E);
    if (before === 0 || before === V || before === M || ending) { emit(I); emit(L); return i + 3; } // VILLE, CAMILLE
    emit(I); return i + 3; // GILLOT, BILLARD
  }
  if (i + 2 === n && VOWEL[before] === 1) { emit(I); return i + 2; } // -AIL, -EIL, -OUIL at the end
  return -1;
}

/** Codes `letters[0..n)` into `code`; returns the code length. */
function encode(n: number): number {
  codeLength = 0;
  let i = 0;
  while (i < n) {
    const c = letters[i], c1 = letters[i + 1], c2 = letters[i + 2];
    switch (c) {
      case A:
        if (c1 === U) { emit(O); i += 2; break; }
        if (c1 === I || c1 === Y) {
          if ((c2 === N || c2 === M) && closesNasal(i + 2)) { emit(NASAL_IN); i = afterNasal(i + 3, n); break; }
          if (c1 === I && c2 === L && (letters[i + 3] === L || i + 3 === n)) { emit(A); i++; break; } // AILL, AIL$
          if (VOWEL[c2] === 1) { emit(A); i++; break; } // CAYAUD; AI before a vowel is the same glide (PAIEN)
          emit(E); i += 2; break;
        }
        if ((c1 === N || c1 === M) && closesNasal(i + 1)) { emit(NASAL_AN); i = afterNasal(i + 2, n); break; }
        emit(A); i++; break;
      case E:
        if (c1 === A && c2 === U) { emit(O); i += 3; break; }
        if (c1 === U) { emit(E); i += 2; break; }
        if (c1 === I || c1 === Y) {
          if ((c2 === N || c2 === M) && closesNasal(i + 2)) { emit(NASAL_IN); i = afterNasal(i + 3, n); break; }
          if (c1 === I && c2 === L && (letters[i + 3] === L || i + 3 === n)) { emit(E); i++; break; } // EILL, EIL$
          if (VOWEL[c2] === 1) { emit(E); i++; break; } // MEYER = MEIER: Y or I before a vowel is a glide
          emit(E); i += 2; break;
        }
        if ((c1 === N || c1 === M) && closesNasal(i + 1)) {
          const before = i > 0 ? letters[i - 1] : 0;
          emit(before === I || before === Y ? NASAL_IN : NASAL_AN); // JULIEN, NGUYEN / LAURENT
          i = afterNasal(i + 2, n); break;
        }
        if (codeLength > 0 && !finalEHeard) {
          if (i === n - 1) { i++; break; } // final E, -ER, -ET, -É
          if (i === n - 2 && c1 === E) { i += 2; break; } // -EE
        }
        emit(E); i++; break;
      case I:
      case Y:
        if ((c1 === N || c1 === M) && closesNasal(i + 1)) { emit(NASAL_IN); i = afterNasal(i + 2, n); break; }
        if (c === I && c1 === L) {
          const next = glide(i, n);
          if (next >= 0) { i = next; break; }
        }
        emit(I); i++; break;
      case O:
        if (c1 === E && c2 === U) { emit(E); i += 3; break; } // ŒU
        if (c1 === U) { emit(SOUND_OU); i += 2; break; }
        if (c1 === I || c1 === Y) {
          emit(SOUND_OU);
          if ((c2 === N || c2 === M) && closesNasal(i + 2)) { emit(NASAL_IN); i = afterNasal(i + 3, n); break; }
          emit(A); i += VOWEL[c2] === 1 ? 1 : 2; break; // ROYER keeps its glide, and BOIER = BOYER
        }
        if ((c1 === N || c1 === M) && closesNasal(i + 1)) { emit(NASAL_ON); i = afterNasal(i + 2, n); break; }
        emit(O); i++; break;
      case U:
        if ((c1 === N || c1 === M) && closesNasal(i + 1)) { emit(NASAL_IN); i = afterNasal(i + 2, n); break; }
        emit(U); i++; break;
      case B:
        if (c1 !== V) emit(B);
        i++; break;
      case C:
        if (c1 === H) { emit(c2 === R || c2 === L ? K : SOUND_CH); i += 2; break; }
        emit(c1 === E || c1 === I || c1 === Y ? S : K); i++; break;
      case G:
        if (c1 === U && (c2 === E || c2 === I || c2 === Y)) { emit(G); i += 2; break; }
        if (c1 === E && (c2 === A || c2 === O)) { emit(J); i += 2; break; }
        if (c1 === E || c1 === I || c1 === Y) { emit(J); i++; break; }
        if (c1 === N) { emit(N); emit(I); i += 2; break; }
        emit(G); i++; break;
      case H:
        i++; break;
      case J:
        emit(J);
        i += c1 === E && (c2 === A || c2 === O) ? 2 : 1; break;
      case P:
        if (c1 === H) { emit(F); i += 2; break; }
        if (!(c1 === T && i > 0 && letters[i - 1] === A)) emit(P);
        i++; break;
      case Q:
        emit(K);
        i += c1 === U ? 2 : 1; break;
      case S: {
        if (c1 === C && c2 === H) { emit(SOUND_CH); i += 3; break; }
        if (c1 === H) { emit(SOUND_CH); i += 2; break; }
        const before = i > 0 ? letters[i - 1] : 0;
        if (before === E && (c1 === N || (i === 2 && letters[0] === D && isConsonant(c1)))) { i++; break; }
        emit(VOWEL[before] === 1 && VOWEL[c1] === 1 ? Z : S); i++; break;
      }
      case W:
        emit(V); i++; break;
      case X:
        emit(K); emit(S); i++; break;
      default: // D F K L M N R T V Z
        emit(c); i++; break;
    }
  }
  return codeLength;
}

/**
 * The phonetic key of a family or given name: short, upper-case ASCII, equal for names that read
 * alike in French (DUPONT / DUPOND, LEFEBVRE / LEFÈVRE, LE GALL / LEGAL), '' for an empty name.
 */
export function frenchPhoneticKey(name: string): string {
  let n = loadLetters(name);
  if (n === 0) return '';
  const first = letters[0];
  n = trimEnding(n);
  letters[n] = 0; letters[n + 1] = 0; letters[n + 2] = 0; letters[n + 3] = 0;
  const m = encode(n);
  if (m === 0) return String.fromCharCode(first); // only silent letters ("H"): keep something to compare
  let key = '';
  for (let i = 0; i < m; i++) key += String.fromCharCode(code[i]);
  return key;
}
