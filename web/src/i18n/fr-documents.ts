// French text of a file's documents (documenthèque).
import { DOCUMENT_TYPES } from '../../../src/documents/rules.ts';

const nbsp = '\u00a0';

export const documentsFr = {
  tab: 'Documents',
  types: Object.fromEntries(DOCUMENT_TYPES.map((t) => [t.code, t.label])) as Record<string, string>,
  visibilities: { care_team: 'Équipe de soins', coordinators: 'Coordinateurs seulement', patient: 'Visible par la personne' } as Record<string, string>,
  listLabel: 'Documents du dossier',
  version: (n: number) => `v${n}`,
  by: (name: string, date: string) => `Déposé par ${name} le ${date}`,
  size: (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))}${nbsp}ko` : `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')}${nbsp}Mo`),
  download: 'Télécharger',
  downloadLabel: (title: string) => `Télécharger ${title}`,
  evaluation: 'Évaluation externe',
  markEvaluation: 'Compter comme évaluation',
  newVersion: 'Nouvelle version',
  newVersionLabel: (title: string) => `Nouvelle version de ${title}`,
  upload: {
    heading: 'Ajouter un document',
    drop: 'Déposez un fichier ici, ou',
    choose: 'choisissez-le',
    chosen: (name: string) => `Fichier${nbsp}: ${name}`,
    accepted: 'PDF, image, document bureautique ou texte, 20 Mo au plus.',
    title: 'Titre',
    type: 'Type de document',
    visibility: 'Visible par',
    isEvaluation: 'C’est une évaluation faite ailleurs (compte pour la primo-évaluation)',
    submit: 'Déposer',
    sending: (percent: number) => `Envoi${nbsp}: ${percent}${nbsp}%`,
    done: 'Document déposé.',
    fileRequired: 'Choisissez un fichier.',
  },
  emptyTitle: 'Aucun document',
  emptyText: 'Déposez ici les courriers, comptes rendus et décisions utiles à l’équipe de soins.',
  refused: {
    'documents.type_refused': 'Ce type de fichier n’est pas accepté (le contenu ne correspond pas à un PDF, une image, un document bureautique ou un texte).',
    'documents.too_large': 'Ce fichier est trop volumineux.',
    'documents.empty': 'Ce fichier est vide.',
    'documents.infected': 'Ce fichier a été refusé par l’antivirus.',
  } as Record<string, string>,
};
