// Pure rules of documents: the CI-SIS document types offered, who sees a document, and what a file
// really is — read from its first bytes, never from its name.
import { BadInput } from '#src/core/http/errors.ts';

/** LOINC, the code system of most CI-SIS document types (JDV_J07-XdsTypeCode-CISIS). */
export const LOINC = '2.16.840.1.113883.6.1';

/**
 * The document types a coordination file receives, with the LOINC codes of the CI-SIS value set
 * JDV_J07-XdsTypeCode-CISIS (checked against ANS terminology publications; see README).
 */
export const DOCUMENT_TYPES = [
  { code: '11490-0', label: 'Lettre de liaison à la sortie d’un établissement de soins' },
  { code: '34133-9', label: 'Synthèse d’épisode de soins' },
  { code: '11488-4', label: 'Compte rendu de consultation' },
  { code: '18776-5', label: 'Plan personnalisé de santé (PPS)' },
  { code: '57833-6', label: 'Prescription de médicaments' },
  { code: '11502-2', label: 'Compte rendu d’examens biologiques' },
  { code: '18748-4', label: 'Compte rendu d’imagerie médicale' },
  { code: '51851-4', label: 'Document administratif' },
  { code: '34117-2', label: 'Histoire et examen clinique (évaluation)' },
  { code: '56445-0', label: 'Bilan de médicaments' },
] as const;
export const DOCUMENT_TYPE_CODES: readonly string[] = DOCUMENT_TYPES.map((t) => t.code);

export const VISIBILITIES = ['care_team', 'coordinators', 'patient'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

/** `coordinators` is for the holding structure's staff only; the other two reach the care team and consented readers. */
export function visibleTo(visibility: string, reader: { holder: boolean }): boolean {
  return reader.holder || visibility !== 'coordinators';
}

const startsWith = (bytes: Uint8Array, magic: readonly number[], offset = 0) => magic.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, Math.min(to, bytes.length)));

/** The accepted media types and how to recognise each from the content. */
export function sniffMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeTypeOf(bytes);
  return textTypeOf(bytes);
}

/** A zip is accepted only as an office document: OpenDocument names itself first, OOXML has [Content_Types].xml. */
function officeTypeOf(bytes: Uint8Array): string | null {
  const head = ascii(bytes, 30, 120);
  if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.text')) return 'application/vnd.oasis.opendocument.text';
  if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')) return 'application/vnd.oasis.opendocument.spreadsheet';
  const firstKb = ascii(bytes, 0, 4096);
  if (firstKb.includes('[Content_Types].xml') && firstKb.includes('word/')) return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (firstKb.includes('[Content_Types].xml') && firstKb.includes('xl/')) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return null;
}

/** Plain UTF-8 text without control characters, or XML (a CDA document). */
function textTypeOf(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  } catch {
    return null;
  }
  // a partial last character at the 64 kB cut is fine; control characters other than tab/CR/LF are not text
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text)) return null;
  return /^\uFEFF?\s*<\?xml/.test(text) ? 'application/xml' : 'text/plain';
}

export function checkContent(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length === 0) throw new BadInput('documents.empty', 'The file is empty', { file: 'empty' });
  if (bytes.length > maxBytes) throw new BadInput('documents.too_large', 'The file is too large', { file: `at most ${maxBytes} bytes` });
  const mediaType = sniffMediaType(bytes);
  if (!mediaType) throw new BadInput('documents.type_refused', 'This kind of file is not accepted', { file: 'PDF, image, office document or text only' });
  return mediaType;
}

/** A file name safe for Content-Disposition: the ASCII fallback and the RFC 5987 UTF-8 form. */
export function contentDisposition(filename: string): string {
  const clean = filename.replace(/[\r\n"\\/]/g, '_').slice(0, 200) || 'document';
  const fallback = clean.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/[%;]/g, '_') || 'document';
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(clean)}`;
}
