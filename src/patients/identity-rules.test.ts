import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyIdentityEvent, checkInsOid, INS_OIDS, mayCallInsi, mayShareIns, statusOf, type IdentityEvent, type IdentityFacts } from './identity-rules.ts';

const PROV: IdentityFacts = { retrieved: false, checked: false, attributes: [] };
const replay = (events: IdentityEvent[], from = PROV) => events.reduce(applyIdentityEvent, from);
const INSI: IdentityEvent = { type: 'insi_retrieved' };
const CNI: IdentityEvent = { type: 'document_checked', mode: 'CNI' };
const EDIT: IdentityEvent = { type: 'strict_trait_edited' };
const set = (attribute: 'DOUT' | 'FICT' | 'COLP'): IdentityEvent => ({ type: 'attribute_set', attribute });

test('moves between the four statuses as the RNIV table says', () => {
  const cases: [IdentityEvent[], string][] = [
    [[], 'PROV'],
    [[INSI], 'RECUP'],
    [[CNI], 'VALI'],
    [[INSI, CNI], 'QUAL'],
    [[CNI, INSI], 'QUAL'],
  ];
  for (const [events, status] of cases) assert.equal(statusOf(replay(events)), status, events.map((e) => e.type).join('+'));
});

test('case (c): a qualified identity marked doubtful becomes PROV and INSi is refused with 409', () => {
  const doubtful = replay([INSI, CNI, set('DOUT')]);
  assert.equal(statusOf(doubtful), 'PROV');
  assert.equal(mayCallInsi(doubtful), false);
  assert.throws(() => applyIdentityEvent(doubtful, INSI), { status: 409, code: 'identity.insi_forbidden' });
  const cleared = applyIdentityEvent(doubtful, { type: 'attribute_cleared', attribute: 'DOUT' });
  assert.equal(statusOf(cleared), 'QUAL', 'clearing the doubt restores what the facts give');
});

test('case (d): doubtful and fictitious cannot be set together', () => {
  assert.throws(() => replay([set('DOUT'), set('FICT')]), { status: 400, code: 'identity.doubtful_and_fictitious' });
  assert.equal(statusOf(replay([INSI, set('FICT')])), 'PROV');
});

test('case (f): a retrieved identity checked against an ID card is qualified', () => {
  assert.equal(statusOf(replay([INSI, CNI])), 'QUAL');
});

test('keeps strict traits from INSi read-only, and sends an edited VALI identity back to PROV', () => {
  assert.throws(() => replay([INSI, EDIT]), { status: 409, code: 'identity.strict_traits_read_only' });
  assert.throws(() => replay([INSI, CNI, EDIT]), { code: 'identity.strict_traits_read_only' });
  assert.equal(statusOf(replay([CNI, EDIT])), 'PROV');
  assert.equal(statusOf(replay([EDIT])), 'PROV');
});

test('never qualifies an identity with an open collision', () => {
  assert.equal(statusOf(replay([INSI, CNI, set('COLP')])), 'RECUP');
  assert.equal(statusOf(replay([CNI, set('COLP')])), 'PROV');
});

test('cases (a) and (b): the INS leaves Trame only for a qualified identity', () => {
  assert.deepEqual((['PROV', 'RECUP', 'VALI', 'QUAL'] as const).map(mayShareIns), [false, false, false, true]);
});

test('case (e): refuses test and demo INS OIDs in production only', () => {
  checkInsOid(INS_OIDS.nir, true);
  checkInsOid(INS_OIDS.nia, true);
  checkInsOid(INS_OIDS.nirTest, false);
  assert.throws(() => checkInsOid(INS_OIDS.nirTest, true), { code: 'identity.oid_test_in_production' });
  assert.throws(() => checkInsOid(INS_OIDS.nirDemo, true), { code: 'identity.oid_test_in_production' });
  assert.throws(() => checkInsOid('1.2.3', false), { code: 'identity.oid_unknown' });
});
