// The patient's information, consents and objections as FHIR R4 Consent resources. No French profile
// of Consent exists for sharing in a coordination file (checked: FR Core 2.x has none), so this is base
// R4: scope patient-privacy, category LOINC 59284-0 (Patient consent) plus Trame's kind, a `permit`
// provision naming the recipient and the categories for a sharing consent, `deny` for an objection.
import type { ConsentView } from '#src/consents/service.ts';
import { withoutEmpty, type FhirResource } from './directory-resources.ts';

export const CONSENT_KIND_SYSTEM = 'urn:trame:consent-kind';
export const SHARE_CATEGORY_SYSTEM = 'urn:trame:share-category';

const KIND_DISPLAY: Record<string, string> = {
  information: 'Information de la personne sur le partage de ses données',
  sharing: 'Consentement au partage hors équipe de soins',
  opposition: 'Opposition au partage',
};

const CHANNEL_DISPLAY: Record<string, string> = { oral: 'Recueil oral', signed_document: 'Document signé', electronic: 'Recueil électronique' };

function provisionOf(consent: ConsentView) {
  if (consent.kind === 'opposition') return { type: 'deny' };
  if (consent.kind !== 'sharing' || !consent.recipient) return undefined;
  const reference = consent.recipient.kind === 'person' ? `Practitioner/${consent.recipient.id}` : `Organization/${consent.recipient.id}`;
  return {
    type: 'permit',
    actor: [{ role: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType', code: 'IRCP', display: 'information recipient' }] }, reference: { reference, display: consent.recipient.name } }],
    class: consent.categories.map((code) => ({ system: SHARE_CATEGORY_SYSTEM, code })),
  };
}

export function consentToFhir(consent: ConsentView): FhirResource {
  const { patientId } = consent;
  return withoutEmpty({
    resourceType: 'Consent',
    id: consent.id,
    meta: { versionId: String(consent.version) },
    status: consent.active ? 'active' : 'inactive',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [
      { coding: [{ system: 'http://loinc.org', code: '59284-0', display: 'Patient Consent' }] },
      { coding: [{ system: CONSENT_KIND_SYSTEM, code: consent.kind, display: KIND_DISPLAY[consent.kind] }] },
    ],
    patient: { reference: `Patient/${patientId}` },
    dateTime: consent.collectedAt.toISOString(),
    performer: [{ reference: `Patient/${patientId}` }],
    // who collected it and how: the care professional who recorded the patient's word
    verification: consent.collectedBy
      ? [{ verified: true, verifiedWith: { display: `${consent.collectedBy.givenName} ${consent.collectedBy.familyName} — ${CHANNEL_DISPLAY[consent.channel] ?? consent.channel}` }, verificationDate: consent.collectedAt.toISOString() }]
      : undefined,
    sourceReference: consent.documentId ? { reference: `DocumentReference/${consent.documentId}` } : undefined,
    provision: provisionOf(consent) && {
      ...provisionOf(consent),
      period: { start: consent.collectedAt.toISOString(), end: consent.withdrawnAt?.toISOString() },
    },
  });
}
