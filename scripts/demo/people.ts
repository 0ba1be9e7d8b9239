// The professionals of the demo territory. Hand-written rather than drawn: tests and demos rely on
// named accounts (admin, coordination, medecin…) and on who works where.
import type { CareTeamRole, DemoPerson, MembershipRole, Sector } from './types.ts';
import { demoRpps } from './identifiers.ts';

export type PersonSpec = {
  key: string;
  givenName: string;
  familyName: string;
  sex: 'F' | 'M';
  sector: Sector;
  profession: string;
  /** the role this person takes in a care team; null for people who never join one */
  teamRole: CareTeamRole | null;
  memberships: [structureKey: string, role: MembershipRole][];
  /** demo accounts have a short, documented address; everyone else gets prenom.nom */
  email?: string;
};

const P = 'professional';
const GP = 'Médecin généraliste';

export const PEOPLE: PersonSpec[] = [
  // DAC team
  { key: 'admin', email: 'admin@demo.trame.fr', givenName: 'Sophie', familyName: 'Lambert', sex: 'F', sector: 'none', profession: 'Administratrice de la plateforme', teamRole: null, memberships: [['dac', 'platform_admin']] },
  { key: 'coordination', email: 'coordination@demo.trame.fr', givenName: 'Claire', familyName: 'Morel', sex: 'F', sector: 'health', profession: 'Infirmière coordinatrice', teamRole: 'coordinator', memberships: [['dac', 'coordinator']] },
  { key: 'nadia-benali', givenName: 'Nadia', familyName: 'Benali', sex: 'F', sector: 'social', profession: 'Assistante sociale', teamRole: 'coordinator', memberships: [['dac', 'coordinator']] },
  { key: 'thomas-nguyen', givenName: 'Thomas', familyName: 'Nguyen', sex: 'M', sector: 'medico_social', profession: 'Gestionnaire de cas', teamRole: 'coordinator', memberships: [['dac', 'coordinator']] },
  { key: 'elodie-gaudin', givenName: 'Élodie', familyName: 'Gaudin', sex: 'F', sector: 'medico_social', profession: 'Coordinatrice de parcours', teamRole: 'coordinator', memberships: [['dac', 'coordinator']] },
  { key: 'isabelle-fournier', givenName: 'Isabelle', familyName: 'Fournier', sex: 'F', sector: 'none', profession: 'Directrice du DAC', teamRole: null, memberships: [['dac', 'structure_admin']] },
  { key: 'ars', email: 'ars@demo.trame.fr', givenName: 'Marc', familyName: 'Dubreuil', sex: 'M', sector: 'none', profession: 'Chargé de mission parcours (ARS)', teamRole: null, memberships: [['dac', 'regional_viewer']] },
  // CPTS
  { key: 'julie-besnard', givenName: 'Julie', familyName: 'Besnard', sex: 'F', sector: 'medico_social', profession: 'Coordinatrice de CPTS', teamRole: 'coordinator', memberships: [['cpts', 'coordinator']] },
  { key: 'helene-rousseau', givenName: 'Hélène', familyName: 'Rousseau', sex: 'F', sector: 'health', profession: GP, teamRole: 'attending_gp', memberships: [['msp-trelaze', P], ['cpts', 'structure_admin']] },
  // general practitioners
  { key: 'medecin', email: 'medecin@demo.trame.fr', givenName: 'Antoine', familyName: 'Mercier', sex: 'M', sector: 'health', profession: GP, teamRole: 'attending_gp', memberships: [['msp-justices', P], ['cpts', P]] },
  { key: 'youssef-haddad', givenName: 'Youssef', familyName: 'Haddad', sex: 'M', sector: 'health', profession: GP, teamRole: 'attending_gp', memberships: [['msp-trelaze', P], ['cpts', P]] },
  { key: 'aminata-diallo', givenName: 'Aminata', familyName: 'Diallo', sex: 'F', sector: 'health', profession: GP, teamRole: 'attending_gp', memberships: [['msp-justices', P]] },
  { key: 'pierre-lebrun', givenName: 'Pierre', familyName: 'Lebrun', sex: 'M', sector: 'health', profession: GP, teamRole: 'attending_gp', memberships: [['cabinet-medical-avrille', P]] },
  { key: 'agnes-vasseur', givenName: 'Agnès', familyName: 'Vasseur', sex: 'F', sector: 'health', profession: GP, teamRole: 'attending_gp', memberships: [['cabinet-medical-avrille', P]] },
  // liberal nurses
  { key: 'infirmiere', email: 'infirmiere@demo.trame.fr', givenName: 'Sandrine', familyName: 'Pereira', sex: 'F', sector: 'health', profession: 'Infirmière', teamRole: 'nurse', memberships: [['cabinet-infirmier', P], ['cpts', P]] },
  { key: 'marie-lefevre', givenName: 'Marie', familyName: 'Lefèvre', sex: 'F', sector: 'health', profession: 'Infirmière', teamRole: 'nurse', memberships: [['cabinet-infirmier', P]] },
  { key: 'kevin-barbier', givenName: 'Kévin', familyName: 'Barbier', sex: 'M', sector: 'health', profession: 'Infirmier', teamRole: 'nurse', memberships: [['msp-justices', P]] },
  { key: 'linh-tran', givenName: 'Linh', familyName: 'Tran', sex: 'F', sector: 'health', profession: 'Infirmière', teamRole: 'nurse', memberships: [['msp-justices', P]] },
  { key: 'fatou-ndiaye', givenName: 'Fatou', familyName: 'Ndiaye', sex: 'F', sector: 'health', profession: 'Infirmière', teamRole: 'nurse', memberships: [['msp-trelaze', P], ['cpts', P]] },
  { key: 'aurelie-cottin', givenName: 'Aurélie', familyName: 'Cottin', sex: 'F', sector: 'health', profession: 'Infirmière', teamRole: 'nurse', memberships: [['cabinet-infirmier', P]] },
  // pharmacists
  { key: 'pharmacien', email: 'pharmacien@demo.trame.fr', givenName: 'Olivier', familyName: 'Chevalier', sex: 'M', sector: 'health', profession: 'Pharmacien', teamRole: 'pharmacist', memberships: [['pharmacie', P], ['cpts', P]] },
  { key: 'nathalie-ferreira', givenName: 'Nathalie', familyName: 'Ferreira', sex: 'F', sector: 'health', profession: 'Pharmacienne', teamRole: 'pharmacist', memberships: [['pharmacie', P]] },
  { key: 'mehdi-amrani', givenName: 'Mehdi', familyName: 'Amrani', sex: 'M', sector: 'health', profession: 'Pharmacien', teamRole: 'pharmacist', memberships: [['pharmacie', P], ['cpts', P]] },
  // physiotherapists; 'horsequipe' is in no care team at all (tests use it for refusals)
  { key: 'horsequipe', email: 'horsequipe@demo.trame.fr', givenName: 'Julien', familyName: 'Gauthier', sex: 'M', sector: 'health', profession: 'Masseur-kinésithérapeute', teamRole: null, memberships: [['cabinet-kine', P]] },
  { key: 'celine-robin', givenName: 'Céline', familyName: 'Robin', sex: 'F', sector: 'health', profession: 'Masseur-kinésithérapeute', teamRole: 'physiotherapist', memberships: [['cabinet-kine', P], ['cpts', P]] },
  { key: 'hugo-marchand', givenName: 'Hugo', familyName: 'Marchand', sex: 'M', sector: 'health', profession: 'Masseur-kinésithérapeute', teamRole: 'physiotherapist', memberships: [['msp-trelaze', P]] },
  // hospital
  { key: 'anne-sophie-delaunay', givenName: 'Anne-Sophie', familyName: 'Delaunay', sex: 'F', sector: 'health', profession: 'Gériatre', teamRole: 'specialist', memberships: [['hospital', P]] },
  { key: 'minh-pham', givenName: 'Minh', familyName: 'Pham', sex: 'M', sector: 'health', profession: 'Néphrologue', teamRole: 'specialist', memberships: [['hospital', P]] },
  { key: 'francois-leroux', givenName: 'François', familyName: 'Leroux', sex: 'M', sector: 'health', profession: 'Psychiatre', teamRole: 'specialist', memberships: [['hospital', P]] },
  { key: 'karine-poirier', givenName: 'Karine', familyName: 'Poirier', sex: 'F', sector: 'social', profession: 'Assistante sociale', teamRole: 'social_worker', memberships: [['hospital', P]] },
  { key: 'bruno-hamon', givenName: 'Bruno', familyName: 'Hamon', sex: 'M', sector: 'health', profession: 'Cadre de santé', teamRole: 'hospital', memberships: [['hospital', P]] },
  { key: 'lucie-brunet', givenName: 'Lucie', familyName: 'Brunet', sex: 'F', sector: 'health', profession: 'Infirmière de liaison', teamRole: 'hospital', memberships: [['hospital', P]] },
  // nursing home
  { key: 'veronique-renaud', givenName: 'Véronique', familyName: 'Renaud', sex: 'F', sector: 'health', profession: 'Cadre de santé', teamRole: 'other', memberships: [['ehpad', P]] },
  { key: 'michel-bertin', givenName: 'Michel', familyName: 'Bertin', sex: 'M', sector: 'health', profession: 'Médecin coordonnateur', teamRole: 'other', memberships: [['ehpad', P]] },
  { key: 'mariama-camara', givenName: 'Mariama', familyName: 'Camara', sex: 'F', sector: 'medico_social', profession: 'Aide-soignante', teamRole: 'other', memberships: [['ehpad', P]] },
  // home care (SSIAD-SAAD)
  { key: 'laetitia-boucher', givenName: 'Laetitia', familyName: 'Boucher', sex: 'F', sector: 'health', profession: 'Infirmière coordinatrice', teamRole: 'home_care', memberships: [['home-care', P]] },
  { key: 'maria-da-silva', givenName: 'Maria', familyName: 'Da Silva', sex: 'F', sector: 'medico_social', profession: 'Aide-soignante', teamRole: 'home_care', memberships: [['home-care', P]] },
  { key: 'ibrahima-sow', givenName: 'Ibrahima', familyName: 'Sow', sex: 'M', sector: 'medico_social', profession: 'Aide-soignant', teamRole: 'home_care', memberships: [['home-care', P]] },
  { key: 'chantal-roux', givenName: 'Chantal', familyName: 'Roux', sex: 'F', sector: 'medico_social', profession: 'Auxiliaire de vie sociale', teamRole: 'home_care', memberships: [['home-care', P]] },
  // social service
  { key: 'emilie-perrin', givenName: 'Émilie', familyName: 'Perrin', sex: 'F', sector: 'social', profession: 'Assistante sociale', teamRole: 'social_worker', memberships: [['social-service', P]] },
  { key: 'samira-khelifi', givenName: 'Samira', familyName: 'Khelifi', sex: 'F', sector: 'social', profession: 'Conseillère en économie sociale et familiale', teamRole: 'social_worker', memberships: [['social-service', P]] },
  { key: 'manon-giraud', givenName: 'Manon', familyName: 'Giraud', sex: 'F', sector: 'social', profession: 'Éducatrice spécialisée', teamRole: 'social_worker', memberships: [['social-service', P]] },
  // describes the EHPAD's offers and answers its orientation requests (last, so earlier RPPS stay put)
  { key: 'mathilde-renou', email: 'ehpad@demo.trame.fr', givenName: 'Mathilde', familyName: 'Renou', sex: 'F', sector: 'medico_social', profession: 'Directrice d’EHPAD', teamRole: null, memberships: [['ehpad', 'structure_admin']] },
];

const bySpecKey = new Map(PEOPLE.map((p) => [p.key, p]));

export function personSpec(key: string): PersonSpec {
  const spec = bySpecKey.get(key);
  if (!spec) throw new Error(`unknown demo person ${key}`);
  return spec;
}

/** keys of the coordinators of a structure (the only possible referents of its files) */
export function coordinatorsOf(structureKey: string): string[] {
  return PEOPLE.filter((p) => p.memberships.some(([s, r]) => s === structureKey && r === 'coordinator')).map((p) => p.key);
}

const PHYSICIANS = new Set([GP, 'Gériatre', 'Néphrologue', 'Psychiatre', 'Médecin coordonnateur']);

/** how colleagues name this person in a note: "Dr Mercier", "Mme Pereira" */
export function colleagueName(spec: PersonSpec): string {
  if (PHYSICIANS.has(spec.profession)) return `Dr ${spec.familyName}`;
  return `${spec.sex === 'F' ? 'Mme' : 'M.'} ${spec.familyName}`;
}

function emailLocalPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/\s+/g, '-');
}

export function buildPeople(): DemoPerson[] {
  return PEOPLE.map((spec, index) => ({
    key: spec.key,
    email: spec.email ?? `${emailLocalPart(spec.givenName)}.${emailLocalPart(spec.familyName)}@demo.trame.fr`,
    givenName: spec.givenName,
    familyName: spec.familyName,
    sector: spec.sector,
    profession: spec.profession,
    // health professionals are registered in the RPPS; social and administrative staff are not
    rpps: spec.sector === 'health' ? demoRpps(index + 1) : null,
    // Claire Morel, the DAC's lead coordinator, is its referent for identity vigilance.
    memberships: spec.memberships.map(([structureKey, role]) => ({ structureKey, role, identityReferent: spec.key === 'coordination' && role === 'coordinator' })),
  }));
}
