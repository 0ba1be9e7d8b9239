// The pipe-separated extractions (Annuaire Santé, MSSanté) start with a header naming each column.
// Columns are found by their label, so a reordering does not break the import. Labels are compared
// without case, accents or punctuation: the published spellings vary between versions
// ("(coord. Structure)", "Libellé civilité exercice"…), and a known variant is listed as an alias.
import type { Parsed } from './types.ts';

/** a column's label, or its known spellings (the first is the one named in messages) */
export type ColumnLabel = string | { labels: readonly string[]; optional?: true };

export type Columns<K extends string> = {
  count: number;
  /** whether the header, hence every line, ends with a "|" (the Annuaire Santé extraction does) */
  trailingPipe: boolean;
  /** null for an optional column the header lacks */
  index: Record<K, number | null>;
};

/** "Libellé civilité d'exercice" → "libellecivilitedexercice" */
function labelKey(label: string): string {
  return label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

function splitPiped(line: string, trailingPipe: boolean): string[] {
  return (trailingPipe && line.endsWith('|') ? line.slice(0, -1) : line).split('|');
}

export function columnsOf<K extends string>(header: string, labels: Record<K, ColumnLabel>): Parsed<Columns<K>> {
  const line = header.replace(/^\uFEFF/, '');
  const trailingPipe = line.endsWith('|');
  const names = splitPiped(line, trailingPipe);
  const positions = new Map(names.map((name, at) => [labelKey(name), at] as const).reverse());
  const index = {} as Record<K, number | null>;
  const missing: string[] = [];
  for (const [key, label] of Object.entries(labels) as [K, ColumnLabel][]) {
    const spellings = typeof label === 'string' ? [label] : label.labels;
    const at = spellings.map((s) => positions.get(labelKey(s))).find((p) => p !== undefined);
    if (at === undefined && (typeof label === 'string' || !label.optional)) missing.push(`« ${spellings[0]} »`);
    index[key] = at ?? null;
  }
  if (missing.length === 1) return { ok: false, message: `colonne ${missing[0]} absente de l’en-tête` };
  if (missing.length > 1) return { ok: false, message: `colonnes absentes de l’en-tête : ${missing.join(', ')}` };
  return { ok: true, value: { count: names.length, trailingPipe, index } };
}

/** Reads the fields of a line (trimmed, empty → null), or says how many were expected. */
export function fieldsOf<K extends string>(line: string, columns: Columns<K>): Parsed<(key: K) => string | null> {
  const fields = splitPiped(line, columns.trailingPipe);
  if (fields.length !== columns.count) {
    return { ok: false, message: fieldCountMessage(columns.count, fields.length) };
  }
  return { ok: true, value: (key) => clean(fields[columns.index[key] ?? -1]) };
}

export function fieldCountMessage(expected: number, found: number): string {
  return `${expected} champs attendus, ${found} trouvé${found > 1 ? 's' : ''}`;
}

/** trimmed, inner runs of spaces made single, and null rather than '' */
export function clean(value: string | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

/** "4", "B", "rue", "Larrey" → "4 B rue Larrey" */
export function joinWords(...parts: (string | null)[]): string | null {
  return clean(parts.filter((p): p is string => !!p).join(' '));
}
