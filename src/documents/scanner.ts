// The virus-scan hook: every upload goes through a scanner before it is stored. With none configured
// the version says `not_scanned`; an operator plugs in a real one (clamd, a cloud service) here.
export type ScanResult = 'clean' | 'infected' | 'not_scanned';
export type DocumentScanner = { scan(bytes: Uint8Array, meta: { filename: string; mediaType: string }): Promise<ScanResult> };

export const NO_SCANNER: DocumentScanner = { scan: async () => 'not_scanned' };

let current: DocumentScanner = NO_SCANNER;

/** Installs the platform's scanner (at start, or in a test). */
export function useScanner(scanner: DocumentScanner): void {
  current = scanner;
}

export function scanner(): DocumentScanner {
  return current;
}
