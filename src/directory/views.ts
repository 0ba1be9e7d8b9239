// What the directory answers: API views of professionals, their practices, establishments and imports.
import type { ImportCounts } from '#src/db/schema/directory.ts';
import type { ActivityRow, MailboxRow, OrganizationRow, ProfessionalRow } from './repo.ts';
import type { ImportRow } from './import-repo.ts';

export type ActivityView = {
  id: string;
  professionalId: string;
  modeCode: string | null;
  modeLabel: string | null;
  roleLabel: string | null;
  skillCode: string | null;
  skillLabel: string | null;
  siteName: string | null;
  siteSiret: string | null;
  siteFiness: string | null;
  /** the directory establishment with that FINESS, when the directory holds it */
  organizationId: string | null;
  address: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  communeName: string | null;
  phone: string | null;
  email: string | null;
  gone: boolean;
};

export type ProfessionalView = {
  id: string;
  idNatPs: string;
  rpps: string | null;
  civility: string | null;
  familyName: string;
  givenName: string;
  professionCode: string | null;
  professionLabel: string | null;
  mssante: string[];
  activities: ActivityView[];
  gone: boolean;
  updatedAt: Date;
};

export type OrganizationView = {
  id: string;
  finess: string;
  legalFiness: string | null;
  name: string;
  longName: string | null;
  categoryCode: string | null;
  categoryLabel: string | null;
  aggregateCode: string | null;
  aggregateLabel: string | null;
  siret: string | null;
  address: string | null;
  postalCode: string | null;
  communeInsee: string | null;
  communeName: string | null;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  openedOn: string | null;
  mssante: string[];
  /** the Trame structure this establishment is, when it uses the platform */
  structureId: string | null;
  gone: boolean;
  updatedAt: Date;
};

export type ImportView = {
  id: string;
  kind: string;
  fileName: string;
  status: string;
  partial: boolean;
  startedAt: Date;
  finishedAt: Date | null;
  bytesTotal: number | null;
  bytesRead: number;
  linesRead: number;
  badLines: number;
  counts: ImportCounts;
  error: string | null;
};

export function activityView(row: ActivityRow, organizationIds: Map<string, string>): ActivityView {
  return {
    id: row.id,
    professionalId: row.professionalId,
    modeCode: row.modeCode,
    modeLabel: row.modeLabel,
    roleLabel: row.roleLabel,
    skillCode: row.skillCode,
    skillLabel: row.skillLabel,
    siteName: row.siteName,
    siteSiret: row.siteSiret,
    siteFiness: row.siteFiness,
    organizationId: row.siteFiness ? (organizationIds.get(row.siteFiness) ?? null) : null,
    address: row.address,
    postalCode: row.postalCode,
    communeInsee: row.communeInsee,
    communeName: row.communeName,
    phone: row.phone,
    email: row.email,
    gone: row.goneImportId !== null,
  };
}

export function professionalView(row: ProfessionalRow, activities: ActivityView[], mailboxes: MailboxRow[]): ProfessionalView {
  return {
    id: row.id,
    idNatPs: row.idNatPs,
    rpps: row.rpps,
    civility: row.civility,
    familyName: row.familyName,
    givenName: row.givenName,
    professionCode: row.professionCode,
    professionLabel: row.professionLabel,
    mssante: mailboxes.filter((m) => m.idNatPs === row.idNatPs).map((m) => m.address),
    activities: activities.filter((a) => a.professionalId === row.id),
    gone: row.goneImportId !== null,
    updatedAt: row.updatedAt,
  };
}

export function organizationView(row: OrganizationRow, mailboxes: MailboxRow[]): OrganizationView {
  return {
    id: row.id,
    finess: row.finess,
    legalFiness: row.legalFiness,
    name: row.name,
    longName: row.longName,
    categoryCode: row.categoryCode,
    categoryLabel: row.categoryLabel,
    aggregateCode: row.aggregateCode,
    aggregateLabel: row.aggregateLabel,
    siret: row.siret,
    address: row.address,
    postalCode: row.postalCode,
    communeInsee: row.communeInsee,
    communeName: row.communeName,
    phone: row.phone,
    latitude: row.latitude,
    longitude: row.longitude,
    openedOn: row.openedOn,
    mssante: mailboxes.filter((m) => m.finess === row.finess).map((m) => m.address),
    structureId: row.structureId,
    gone: row.goneImportId !== null,
    updatedAt: row.updatedAt,
  };
}

export function importView(row: ImportRow): ImportView {
  return {
    id: row.id,
    kind: row.kind,
    fileName: row.fileName,
    status: row.status,
    partial: row.partial,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    bytesTotal: row.bytesTotal,
    bytesRead: row.bytesRead,
    linesRead: row.linesRead,
    badLines: row.badLines,
    counts: row.counts,
    error: row.error,
  };
}
