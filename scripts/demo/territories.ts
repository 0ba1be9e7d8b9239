// The territories the demo's coordination structures serve: the DAC covers the arrondissement of
// Angers, the CPTS a few communes east of Angers inside it (a commune may be in both).
import { communesOf } from '#src/territories/communes.ts';
import type { DemoTerritory } from './types.ts';

// Angers and its surroundings; the other arrondissements (Cholet, Saumur, Segré) would be other DACs.
const DAC_ARRONDISSEMENT = '491';

// Trélazé (where the CPTS sits), Saint-Barthélemy-d'Anjou, Loire-Authion (Brain-sur-l'Authion, Andard,
// Corné… since 2016), Verrières-en-Anjou, Les Ponts-de-Cé, Sarrigné, Rives-du-Loir-en-Anjou, Écouflant.
const CPTS_COMMUNES = ['49353', '49267', '49307', '49323', '49246', '49326', '49377', '49129'];

export function buildTerritories(): DemoTerritory[] {
  return [
    {
      key: 'dac',
      name: 'Territoire du DAC Anjou Centre',
      kind: 'dac',
      structureKey: 'dac',
      communes: communesOf({ arrondissement: DAC_ARRONDISSEMENT }).map((c) => c.insee),
    },
    { key: 'cpts', name: 'CPTS Angers Loire-Est', kind: 'cpts', structureKey: 'cpts', communes: CPTS_COMMUNES },
  ];
}
