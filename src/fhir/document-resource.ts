// A Trame document as a FHIR R4 DocumentReference (base R4 with the CI-SIS type: LOINC codes of
// JDV_J07-XdsTypeCode-CISIS). Its bytes are the Binary of the same id (the current version). FHIR's
// attachment.hash is SHA-1: Trame keeps SHA-256, given in an extension instead.
import type { DocumentView } from '#src/documents/service.ts';
import { withoutEmpty, type FhirResource } from './directory-resources.ts';

export const SHA256_EXTENSION = 'urn:trame:fhir:attachment-sha256';

export function documentToFhir(document: DocumentView): FhirResource {
  const current = document.versions.find((v) => v.number === document.currentVersion) ?? document.versions.at(-1);
  return withoutEmpty({
    resourceType: 'DocumentReference',
    id: document.id,
    meta: { versionId: String(document.version) },
    status: 'current',
    docStatus: 'final',
    type: { coding: [{ system: 'http://loinc.org', code: document.type.code, display: document.type.label }] },
    category: document.isEvaluation ? [{ coding: [{ system: 'urn:trame:document-category', code: 'evaluation', display: 'Évaluation' }] }] : undefined,
    subject: { reference: `Patient/${document.patientId}` },
    date: document.createdAt.toISOString(),
    author: document.createdBy ? [{ reference: `Practitioner/${document.createdBy.id}`, display: `${document.createdBy.givenName} ${document.createdBy.familyName}` }] : undefined,
    description: document.title,
    securityLabel: [{ coding: [{ system: 'urn:trame:document-visibility', code: document.visibility }] }],
    content: current
      ? [
          {
            attachment: {
              contentType: current.mediaType,
              size: current.size,
              title: current.filename,
              creation: current.uploadedAt.toISOString(),
              url: `Binary/${document.id}`,
              extension: [{ url: SHA256_EXTENSION, valueString: current.sha256 }],
            },
          },
        ]
      : undefined,
  });
}
