import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BadInput, Conflict } from '#src/core/http/errors.ts';
import { FhirInvalid, issueTypeForStatus, operationOutcome, trameErrorOf, trameErrorToOperationOutcome } from './operation-outcome.ts';

test('an OperationOutcome lists its issues, and has one informational issue when there is none', () => {
  assert.deepEqual(operationOutcome([{ severity: 'error', code: 'required', diagnostics: 'The birth date is required', expression: ['Patient.birthDate'] }]), {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'error', code: 'required', diagnostics: 'The birth date is required', expression: ['Patient.birthDate'] }],
  });
  assert.deepEqual(operationOutcome([]), {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'information', code: 'informational', diagnostics: 'No issues' }],
  });
});

test('FhirInvalid is an Error carrying its issues and the status 400', () => {
  const error = new FhirInvalid([{ severity: 'error', code: 'value', diagnostics: 'bad NIR key', expression: ['Patient.identifier[0].value'] }]);
  assert.ok(error instanceof Error);
  assert.equal(error.status, 400);
  assert.equal(error.message, 'bad NIR key');
  assert.deepEqual(error.outcome().issue[0]?.expression, ['Patient.identifier[0].value']);
});

test('a 400 of the API gives one issue per field, at the FHIR expression of that field', () => {
  const outcome = trameErrorToOperationOutcome({
    status: 400,
    code: 'validation',
    message: 'Bad input',
    fields: { birthName: 'letters, spaces, hyphens and apostrophes only', birthDate: 'Required', birthplaceInsee: 'INSEE code of 5 characters', sex: 'F, M or U', shoeSize: 'too big' },
  });
  assert.deepEqual(outcome.issue, [
    {
      severity: 'error',
      code: 'value',
      details: { coding: [{ system: 'urn:trame:error-code', code: 'validation' }], text: 'birthName: letters, spaces, hyphens and apostrophes only' },
      diagnostics: 'birthName: letters, spaces, hyphens and apostrophes only',
      expression: ["Patient.name.where(use='official').family"],
    },
    {
      severity: 'error',
      code: 'required',
      details: { coding: [{ system: 'urn:trame:error-code', code: 'validation' }], text: 'birthDate: Required' },
      diagnostics: 'birthDate: Required',
      expression: ['Patient.birthDate'],
    },
    {
      severity: 'error',
      code: 'value',
      details: { coding: [{ system: 'urn:trame:error-code', code: 'validation' }], text: 'birthplaceInsee: INSEE code of 5 characters' },
      diagnostics: 'birthplaceInsee: INSEE code of 5 characters',
      expression: ["Patient.extension('http://hl7.org/fhir/StructureDefinition/patient-birthPlace')"],
    },
    {
      severity: 'error',
      code: 'value',
      details: { coding: [{ system: 'urn:trame:error-code', code: 'validation' }], text: 'sex: F, M or U' },
      diagnostics: 'sex: F, M or U',
      expression: ['Patient.gender'],
    },
    {
      severity: 'error',
      code: 'value',
      details: { coding: [{ system: 'urn:trame:error-code', code: 'validation' }], text: 'shoeSize: too big' },
      diagnostics: 'shoeSize: too big',
    },
  ]);
});

test('other statuses of the API give the matching FHIR issue type and keep Trame\'s code', () => {
  const expected: [number, string][] = [
    [400, 'invalid'], [401, 'login'], [403, 'forbidden'], [404, 'not-found'], [409, 'conflict'], [412, 'conflict'],
    [429, 'throttled'], [500, 'exception'], [503, 'exception'], [415, 'processing'],
  ];
  for (const [status, code] of expected) assert.equal(issueTypeForStatus(status), code, String(status));
  const outcome = trameErrorToOperationOutcome({ status: 409, code: 'identity.strict_traits_read_only', message: 'Strict traits retrieved from INSi are read-only' });
  assert.deepEqual(outcome.issue, [
    {
      severity: 'error',
      code: 'conflict',
      details: { coding: [{ system: 'urn:trame:error-code', code: 'identity.strict_traits_read_only' }], text: 'Strict traits retrieved from INSi are read-only' },
      diagnostics: 'Strict traits retrieved from INSi are read-only',
    },
  ]);
});

test('a DomainError flattens into the error shape the mapping takes', () => {
  assert.deepEqual(trameErrorOf(new BadInput('identity.oid_unknown', 'Not an INS OID: 1.2.3', { oid: 'not an INS OID' })), {
    status: 400,
    code: 'identity.oid_unknown',
    message: 'Not an INS OID: 1.2.3',
    fields: { oid: 'not an INS OID' },
  });
  assert.deepEqual(trameErrorOf(new Conflict('patients.version_stale', 'Stale version')), { status: 409, code: 'patients.version_stale', message: 'Stale version' });
  const outcome = trameErrorToOperationOutcome(trameErrorOf(new BadInput('identity.oid_unknown', 'Not an INS OID', { oid: 'not an INS OID' })));
  assert.deepEqual(outcome.issue[0]?.expression, ['Patient.identifier.system']);
});
