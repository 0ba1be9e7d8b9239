// What the patients capability answers: summaries for lists, the full view with the identity panel.
import type * as repo from './repo.ts';
import { INS_OIDS, mayShareIns, type IdentityAttribute, type IdentityFacts, type IdentityStatus } from './identity-rules.ts';

export type Sex = 'F' | 'M' | 'U';
export type { IdentityStatus };
export type DocumentKind = 'CNI' | 'PASSPORT' | 'RESIDENCE_PERMIT' | 'BIRTH_CERTIFICATE' | 'FAMILY_RECORD_BOOK';
export type InsKind = 'NIR' | 'NIA' | 'NIR-TEST' | 'NIR-DEMO';

export type PatientSummary = {
  id: string;
  birthName: string;
  usedName: string | null;
  givenName: string;
  birthDate: string;
  sex: Sex;
  communeName: string | null;
  identityStatus: IdentityStatus;
};

export type IdentityView = {
  status: IdentityStatus;
  retrieved: boolean;
  checked: boolean;
  validationMode: DocumentKind | null;
  validatedAt: Date | null;
  insiCalledAt: Date | null;
  insiChannel: string | null;
  attributes: IdentityAttribute[];
  strictTraitsLocked: boolean;
  /** Only for a qualified identity (R-INS-1). */
  ins: { matricule: string; oid: string; kind: InsKind } | null;
  insOnRecord: boolean;
  receivedInsPending: boolean;
};

export type PatientView = PatientSummary & {
  birthGivenNames: string | null;
  usedGivenName: string | null;
  birthplaceInsee: string | null;
  birthplaceName: string | null;
  addressLine: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  phone: string | null;
  identity: IdentityView;
  mergedInto: string | null;
  version: number;
  createdAt: Date;
};

export function factsOf(row: repo.PatientRow): IdentityFacts {
  return { retrieved: row.insRetrieved, checked: row.documentChecked, attributes: row.identityAttributes as IdentityAttribute[] };
}

export function insKindOf(oid: string): InsKind {
  if (oid === INS_OIDS.nia) return 'NIA';
  if (oid === INS_OIDS.nirTest) return 'NIR-TEST';
  if (oid === INS_OIDS.nirDemo) return 'NIR-DEMO';
  return 'NIR';
}

export function toSummary(row: repo.PatientRow): PatientSummary {
  return {
    id: row.id,
    birthName: row.birthName,
    usedName: row.usedName,
    givenName: row.givenName,
    birthDate: row.birthDate,
    sex: row.sex as Sex,
    communeName: row.communeName,
    identityStatus: row.identityStatus as IdentityStatus,
  };
}

function identityView(row: repo.PatientRow, insRows: readonly repo.InsRow[]): IdentityView {
  const status = row.identityStatus as IdentityStatus;
  const active = insRows.find((r) => r.state === 'active');
  return {
    status,
    retrieved: row.insRetrieved,
    checked: row.documentChecked,
    validationMode: row.validationMode as DocumentKind | null,
    validatedAt: row.validatedAt,
    insiCalledAt: row.insiCalledAt,
    insiChannel: row.insiChannel,
    attributes: row.identityAttributes as IdentityAttribute[],
    strictTraitsLocked: status === 'RECUP' || status === 'QUAL',
    ins: active && mayShareIns(status) ? { matricule: active.matricule, oid: active.oid, kind: insKindOf(active.oid) } : null,
    insOnRecord: active !== undefined,
    receivedInsPending: insRows.some((r) => r.state === 'received'),
  };
}

export function toView(row: repo.PatientRow, insRows: readonly repo.InsRow[]): PatientView {
  return {
    ...toSummary(row),
    birthGivenNames: row.birthGivenNames,
    usedGivenName: row.usedGivenName,
    birthplaceInsee: row.birthplaceInsee,
    birthplaceName: row.birthplaceName,
    addressLine: row.addressLine,
    postalCode: row.postalCode,
    communeInsee: row.communeInsee,
    phone: row.phone,
    identity: identityView(row, insRows),
    mergedInto: row.mergedInto,
    version: row.version,
    createdAt: row.createdAt,
  };
}
