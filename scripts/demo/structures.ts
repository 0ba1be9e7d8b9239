// The structures of the demo territory: one DAC, one CPTS, the hospital, medico-social and social
// services, and a few liberal practices. Names are invented; communes and FINESS formats are real.
import type { DemoStructure } from './types.ts';
import { demoFiness, demoSiret } from './identifiers.ts';
import { communeByCode, DEPARTEMENT } from './territory.ts';

// `street` and `postalCode` make up the address, with the commune's name appended.
type StructureSpec = Omit<DemoStructure, 'communeName' | 'address'> & { street: string; postalCode: string };

// Phones are fixed rather than drawn, so a structure keeps its number whatever the seed.
const SPECS: StructureSpec[] = [
  {
    key: 'dac', name: 'DAC Anjou Centre', kind: 'dac', finess: null, siret: demoSiret('4920117', 18),
    street: '14 rue Lionnaise', postalCode: '49100', communeInsee: '49007', phone: '02 41 35 60 10',
  },
  {
    key: 'cpts', name: 'CPTS Angers Loire-Est', kind: 'cpts', finess: null, siret: demoSiret('8871043', 11),
    street: '3 rue Jean Moulin', postalCode: '49800', communeInsee: '49353', phone: '02 41 69 22 40',
  },
  {
    key: 'hospital', name: 'Centre hospitalier Anjou Loire', kind: 'hospital', finess: demoFiness(DEPARTEMENT, 1021),
    siret: demoSiret('2649001', 19), street: '4 rue Larrey', postalCode: '49100', communeInsee: '49007', phone: '02 41 35 36 37',
  },
  {
    key: 'ehpad', name: 'EHPAD Les Glycines', kind: 'esms', finess: demoFiness(DEPARTEMENT, 2874),
    siret: demoSiret('2649112', 14), street: '27 avenue Pierre Mendès-France', postalCode: '49240', communeInsee: '49015', phone: '02 41 69 48 00',
  },
  {
    key: 'home-care', name: 'SSIAD-SAAD Loire et Authion', kind: 'esms', finess: demoFiness(DEPARTEMENT, 3318),
    siret: demoSiret('7752904', 26), street: '8 place de la Mairie', postalCode: '49140', communeInsee: '49307', phone: '02 41 45 71 90',
  },
  {
    key: 'social-service', name: 'Maison départementale des solidarités Angers Est', kind: 'social_service', finess: null,
    siret: demoSiret('2249000', 55), street: '37 rue du Maréchal Juin', postalCode: '49000', communeInsee: '49007', phone: '02 41 21 55 00',
  },
  {
    key: 'msp-justices', name: 'Maison de santé pluriprofessionnelle des Justices', kind: 'practice', finess: demoFiness(DEPARTEMENT, 4410),
    siret: demoSiret('8390125', 12), street: '2 place des Justices', postalCode: '49000', communeInsee: '49007', phone: '02 41 66 12 30',
  },
  {
    key: 'msp-trelaze', name: 'Maison de santé pluriprofessionnelle de Trélazé', kind: 'practice', finess: demoFiness(DEPARTEMENT, 4522),
    siret: demoSiret('8512377', 15), street: '19 avenue de la Libération', postalCode: '49800', communeInsee: '49353', phone: '02 41 69 80 15',
  },
  {
    key: 'cabinet-medical-avrille', name: 'Cabinet médical du Bois du Roy', kind: 'practice', finess: null,
    siret: demoSiret('4480221', 16), street: '5 rue du Bois du Roy', postalCode: '49240', communeInsee: '49015', phone: '02 41 34 27 60',
  },
  {
    key: 'cabinet-infirmier', name: 'Cabinet infirmier des Ponts-de-Cé', kind: 'practice', finess: null,
    siret: demoSiret('7920486', 13), street: '11 rue Boutreux', postalCode: '49130', communeInsee: '49246', phone: '02 41 44 63 02',
  },
  {
    key: 'pharmacie', name: 'Pharmacie de la Roseraie', kind: 'practice', finess: demoFiness(DEPARTEMENT, 5037),
    siret: demoSiret('3310598', 17), street: '44 rue de la Chalouère', postalCode: '49000', communeInsee: '49007', phone: '02 41 66 30 84',
  },
  {
    key: 'cabinet-kine', name: 'Cabinet de kinésithérapie du Lac de Maine', kind: 'practice', finess: null,
    siret: demoSiret('8036612', 10), street: '6 avenue du Lac de Maine', postalCode: '49000', communeInsee: '49007', phone: '02 41 73 51 28',
  },
];

export function buildStructures(): DemoStructure[] {
  return SPECS.map(({ street, postalCode, ...spec }) => {
    const commune = communeByCode(spec.communeInsee);
    if (!commune.postalCodes.includes(postalCode)) throw new Error(`${postalCode} is not a postal code of ${commune.name}`);
    return { ...spec, address: `${street}, ${postalCode} ${commune.name}`, communeName: commune.name };
  });
}
