// The contract of the INSi teleservice client, as the rest of Trame sees it: Trame's own shapes,
// not INSi's XML. `soap-client.ts` speaks the real service; `test-peer.ts` answers like it in tests.

export type InsiSearchTraits = {
  birthName: string;
  /** list of birth given names, space-separated */
  givenNames: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'F' | 'M';
  birthplaceInsee: string | null;
};

export type InsiIdentity = {
  /** 15 chars with key */
  matricule: string;
  oid: string;
  birthName: string;
  firstGivenName: string;
  givenNames: string;
  birthDate: string;
  sex: 'F' | 'M';
  birthplaceInsee: string;
};

export type InsiSearchResult = { outcome: 'found'; identity: InsiIdentity } | { outcome: 'not_found' } | { outcome: 'several' };
export type InsiVerifyResult = { outcome: 'valid' } | { outcome: 'invalid' } | { outcome: 'not_found' };

/** Who calls: INSi requires the professional and structure identity in the request header (VIHF). */
export type InsiCaller = { personId: string; displayName: string; rpps: string | null; structureName: string; structureFiness: string | null };

export interface InsiClient {
  /** methodCollection value recorded with each call (R-INS-6), e.g. 'INSI_TRAITS' */
  readonly channel: string;
  searchByTraits(traits: InsiSearchTraits, caller: InsiCaller): Promise<InsiSearchResult>;
  verifyIns(ins: { matricule: string; oid: string }, traits: InsiSearchTraits, caller: InsiCaller): Promise<InsiVerifyResult>;
}

/** The service could not be reached or answered with a technical fault: callers answer 503. */
export class InsiUnavailable extends Error {
  override name = 'InsiUnavailable';
}
