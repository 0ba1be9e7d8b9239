// French text of the breakdown observatory; the thesauri's labels come from the server's module.
import { BREAKDOWN_CAUSE_LABELS, BREAKDOWN_CONSEQUENCE_LABELS, BREAKDOWN_KIND_LABELS } from '../../../src/breakdowns/labels-fr.ts';

const nbsp = '\u00a0';

export const breakdownsFr = {
  nav: 'Ruptures de parcours',
  kinds: BREAKDOWN_KIND_LABELS as Record<string, string>,
  causes: BREAKDOWN_CAUSE_LABELS as Record<string, string>,
  consequences: BREAKDOWN_CONSEQUENCE_LABELS as Record<string, string>,
  page: {
    pageTitle: 'Ruptures de parcours',
    heading: 'Observatoire des ruptures de parcours',
    intro: `Les ruptures constatées par votre structure (mission 3 du DAC)${nbsp}: pour les analyser par territoire et les partager avec les partenaires.`,
    filters: 'Filtres',
    from: 'Du',
    to: 'Au',
    kind: 'Type',
    cause: 'Cause',
    territory: 'Territoire',
    all: 'Tous',
    record: 'Signaler une rupture',
    export: 'Exporter (CSV)',
    exportHelp: 'Le fichier ne contient pas l’identité des patients.',
    byKind: 'Par type',
    count: (n: number) => `${n}${nbsp}rupture${n > 1 ? 's' : ''}`,
    listLabel: 'Ruptures de parcours',
    columns: { date: 'Date', kind: 'Type', cause: 'Cause', consequence: 'Conséquence', commune: 'Commune', structures: 'Structures concernées' },
    fromFile: 'Depuis un dossier',
    emptyTitle: 'Aucune rupture pour ces filtres',
    emptyText: 'Signalez une rupture constatée (sortie non préparée, absence de médecin traitant, interruption d’aide…)\u00a0: l’observatoire du territoire se construit avec elles.',
  },
  form: {
    title: 'Signaler une rupture de parcours',
    fromFileTitle: 'Signaler une rupture de parcours pour ce patient',
    occurredOn: 'Date de la rupture',
    kind: 'Type de rupture',
    cause: 'Cause principale',
    consequence: 'Conséquence',
    structures: 'Structures concernées',
    structuresHelp: 'Une par ligne.',
    description: 'Ce qui s’est passé',
    commune: 'Commune (code INSEE)',
    communeHelp: 'Par défaut, celle du patient.',
    submit: 'Enregistrer',
    recorded: 'Rupture enregistrée dans l’observatoire.',
    button: 'Signaler une rupture',
  },
};
