// FHIR R4 OperationOutcome: how every /fhir error answers, and how Trame's API errors become one.
import type { DomainError } from '#src/core/http/errors.ts';
import { FR_CORE, TRAME_ERROR_SYSTEM } from './fr-core.ts';

export type IssueSeverity = 'error' | 'warning' | 'information';

/** FHIR issue-type codes (http://hl7.org/fhir/issue-type) that Trame uses. */
export type IssueType =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'code-invalid'
  | 'business-rule'
  | 'duplicate'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'login'
  | 'throttled'
  | 'not-supported'
  | 'processing'
  | 'exception'
  | 'informational';

export type Issue = {
  severity: IssueSeverity;
  code: IssueType;
  diagnostics: string;
  /** FHIRPath of the element concerned, e.g. `Patient.identifier[0].value`. */
  expression?: string[];
  /** Trame's error code (`patients.birth_date_invalid`), put in `issue.details`. */
  trameCode?: string;
};

export type OutcomeIssue = {
  severity: IssueSeverity;
  code: IssueType;
  details?: { coding: { system: string; code: string }[]; text: string };
  diagnostics: string;
  expression?: string[];
};

export type OperationOutcome = { resourceType: 'OperationOutcome'; issue: OutcomeIssue[] };

/** An OperationOutcome from issues. FHIR requires at least one issue: none gives one "informational" issue. */
export function operationOutcome(issues: readonly Issue[]): OperationOutcome {
  if (issues.length === 0) {
    return { resourceType: 'OperationOutcome', issue: [{ severity: 'information', code: 'informational', diagnostics: 'No issues' }] };
  }
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map(
      (issue): OutcomeIssue => ({
        severity: issue.severity,
        code: issue.code,
        ...(issue.trameCode ? { details: { coding: [{ system: TRAME_ERROR_SYSTEM, code: issue.trameCode }], text: issue.diagnostics } } : {}),
        diagnostics: issue.diagnostics,
        ...(issue.expression && issue.expression.length > 0 ? { expression: [...issue.expression] } : {}),
      }),
    ),
  };
}

/** A resource that does not pass: the route answers `status` (400) with `outcome()`. */
export class FhirInvalid extends Error {
  readonly status: number;
  readonly issues: readonly Issue[];
  constructor(issues: readonly Issue[], status = 400) {
    super(issues.map((issue) => issue.diagnostics).join('; ') || 'Invalid resource');
    this.name = 'FhirInvalid';
    this.status = status;
    this.issues = issues;
  }

  outcome(): OperationOutcome {
    return operationOutcome(this.issues);
  }
}

/** Trame's API error, flattened: `{error: {code, message, details: {fields}}}` with its HTTP status. */
export type TrameError = { status: number; code: string; message: string; fields?: Record<string, string> | undefined };

const OFFICIAL = "Patient.name.where(use='official')";
const USUAL = "Patient.name.where(use='usual')";
const ADDRESS = 'Patient.address';
const BIRTH_PLACE = `Patient.extension('${FR_CORE.birthPlace}')`;

/** Where each field of Trame's PatientInput (and the identity fields) lives in an FR Core Patient. */
export const PATIENT_FIELD_EXPRESSIONS: Readonly<Record<string, string>> = {
  birthName: `${OFFICIAL}.family`,
  givenName: `${OFFICIAL}.given`,
  birthGivenNames: `${OFFICIAL}.extension('${FR_CORE.birthListGivenName}')`,
  usedName: `${USUAL}.family`,
  usedGivenName: `${USUAL}.given`,
  birthDate: 'Patient.birthDate',
  sex: 'Patient.gender',
  birthplaceInsee: BIRTH_PLACE,
  birthplaceName: BIRTH_PLACE,
  addressLine: `${ADDRESS}.line`,
  postalCode: `${ADDRESS}.postalCode`,
  communeInsee: `${ADDRESS}.extension('${FR_CORE.addressInseeCode}')`,
  communeName: `${ADDRESS}.city`,
  phone: "Patient.telecom.where(system='phone').value",
  version: 'Patient.meta.versionId',
  ins: 'Patient.identifier',
  matricule: 'Patient.identifier.value',
  oid: 'Patient.identifier.system',
  attribute: `Patient.extension('${FR_CORE.identityReliability}')`,
  document: `Patient.extension('${FR_CORE.identityReliability}').extension('validationMode')`,
};

/** The FHIR issue type that goes with an HTTP status of Trame's API. */
export function issueTypeForStatus(status: number): IssueType {
  if (status === 400) return 'invalid';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404 || status === 410) return 'not-found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'throttled';
  if (status >= 500) return 'exception';
  return 'processing';
}

/**
 * Trame's error as an OperationOutcome. A 400 with `fields` gives one issue per field, with the FHIR
 * expression of that field when Trame knows it (the field name is always in the diagnostics).
 */
export function trameErrorToOperationOutcome(error: TrameError): OperationOutcome {
  const fields = Object.entries(error.fields ?? {});
  if (fields.length === 0) {
    return operationOutcome([{ severity: 'error', code: issueTypeForStatus(error.status), diagnostics: error.message, trameCode: error.code }]);
  }
  return operationOutcome(
    fields.map(([field, problem]): Issue => {
      const expression = PATIENT_FIELD_EXPRESSIONS[field];
      const code: IssueType = error.status !== 400 ? issueTypeForStatus(error.status) : /required|missing/i.test(problem) ? 'required' : 'value';
      return {
        severity: 'error',
        code,
        diagnostics: `${field}: ${problem}`,
        ...(expression ? { expression: [expression] } : {}),
        trameCode: error.code,
      };
    }),
  );
}

/** Flattens a DomainError (core/http/errors.ts) into a TrameError. */
export function trameErrorOf(error: DomainError): TrameError {
  const fields = error.details?.['fields'];
  const flat: TrameError = { status: error.status, code: error.code, message: error.message };
  if (fields && typeof fields === 'object') flat.fields = fields as Record<string, string>;
  return flat;
}
