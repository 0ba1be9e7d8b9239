// Everyday journal entries by profession. Each template carries its category; slots ({pt}, {ta},
// {proche}…) are filled by journal-slots.ts. Condition- and age-specific texts sit beside the
// general ones so a heart-failure patient's nurse weighs them and a demented patient's aide
// finds the door locked, not the reverse.
import type { CareTeamRole, JournalCategory } from './types.ts';
import type { Condition } from './patients.ts';

export type Template = [category: Exclude<JournalCategory, null>, text: string];
type RoleTexts = Partial<Record<CareTeamRole, Template[]>>;

export const GENERAL_TEXTS: RoleTexts = {
  nurse: [
    ['visit', 'Passage du matin : {soin}. TA {ta}, pouls {fc}/min. {Pt} {humeur}.'],
    ['visit', 'Soins à domicile : {soin}. RAS, pas de plainte particulière.'],
    ['visit', 'Passage du soir : {pt} {fatigué|fatiguée}, a peu mangé à midi. TA {ta}, T° {temp}, SpO2 {spo2}.'],
    ['visit', 'Pansement de {plaie} refait : plaie propre, bourgeonnante, sans signe infectieux. Prochain pansement dans 48 h.'],
    ['visit', 'Pilulier vérifié : {oubli}.'],
    ['visit', 'Prise de sang faite ce matin à domicile (bilan demandé par {gp}), résultats attendus demain.'],
    ['visit', 'Douleur cotée à {eva} ce matin, antalgique pris à 7 h. À réévaluer ce soir.'],
    ['visit', 'Pesée : {poids} kg ({variation}).'],
    ['visit', '{Pt} a refusé les soins ce matin, se disait trop {fatigué|fatiguée}. Nouveau passage en fin de matinée : accepte.'],
    ['visit', 'Constantes : TA {ta}, FC {fc}, T° {temp}. Moral correct, {pt} attend la visite de {proche}.'],
    ['note', 'Observance de la semaine : {oubli}.'],
    ['note', 'Transmission à {coord} : {pt} évoque {soucis}.'],
    ['note', 'Planning infirmier modifié à partir de {jour} : un seul passage le matin.'],
    ['note', 'Ordonnance de soins infirmiers de {gp} reçue ce jour : {soin} pour {duree}.'],
    ['phone_call', 'Appel de {aidant} : s’inquiète pour {soucis}. Rassuré{pe}, passage prévu {jour}.'],
    ['phone_call', 'Appel au cabinet de {gp} pour signaler {signe}. {Conduite}.'],
    ['phone_call', 'Appel de la pharmacie : {med} en rupture, équivalent délivré. Expliqué à {pt}.'],
    ['alert', 'TA à {ta_haute} à deux reprises ce matin, céphalées. {Gp} prévenu.'],
    ['alert', 'Fièvre à {temp_haute}, toux grasse. {Gp} prévenu, passe en fin de journée.'],
    ['alert', 'Rougeur persistante au sacrum, début d’escarre. Matelas anti-escarres demandé, changements de position renforcés.'],
  ],
  attending_gp: [
    ['note', 'Consultation de suivi : {pt} {etat}, TA {ta}, poids {poids} kg. Renouvellement du traitement pour {duree}.'],
    ['note', 'Adaptation du traitement : {adaptation}.'],
    ['note', 'Bilan biologique : {bio}. Pas de modification du traitement.'],
    ['note', 'Courrier adressé à {specialiste} pour avis.'],
    ['note', 'Renouvellement de l’ordonnance de soins infirmiers ({soin}) pour {duree}.'],
    ['note', 'Prescription de {nb_seances} séances de kinésithérapie (équilibre et marche).'],
    ['note', '{Vaccination} ce jour.'],
    ['note', 'Ordonnance de matériel : {materiel}.'],
    ['visit', 'Visite à domicile : {pt} {etat}. Auscultation sans particularité, TA {ta}.'],
    ['visit', 'Visite à domicile à la demande de {ide} pour {signe} : {conclusion}.'],
    ['phone_call', 'Appel de {ide} : {pt} présente {signe}. Conduite à tenir : {conduite}.'],
    ['phone_call', 'Échange téléphonique avec {coord} : d’accord pour la révision du plan ({revision}).'],
    ['phone_call', 'Appel de {aidant}, qui s’inquiète de {soucis} : rendez-vous donné {jour}.'],
    ['alert', 'Hospitalisation demandée ce jour pour {motif_hospit}. Courrier remis à l’ambulance.'],
    ['alert', 'Suspicion d’effet indésirable sous {med} : arrêt et surveillance, contrôle biologique dans 1 semaine.'],
  ],
  pharmacist: [
    ['note', 'Pilulier de la semaine préparé et remis à {proche}.'],
    ['note', 'Préparation des doses à administrer livrée {jour_passe} pour 7 jours ; {pt} {présent|présente} à la livraison.'],
    ['note', 'Bilan partagé de médication : {n} points à revoir, dont une interaction {interaction}. Proposition transmise à {gp}.'],
    ['note', 'Interaction relevée {interaction}. Message envoyé à {gp}.'],
    ['note', 'Renouvellement délivré ; {med} en rupture, équivalent délivré et expliqué à {pt}.'],
    ['note', 'Location de matériel : {materiel} livré ce jour.'],
    ['note', 'Ordonnance arrivée à échéance sans renouvellement reçu : rappel fait au cabinet de {gp}.'],
    ['note', 'Entretien pharmaceutique : {pt} connaît le rôle de chaque médicament sauf {med}, réexpliqué.'],
    ['phone_call', 'Appel de {aidant} : question sur {med} (pendant ou en dehors des repas). Conseils donnés.'],
    ['phone_call', 'Appel à {ide} : traitement non retiré depuis {n} semaines, à vérifier au domicile.'],
  ],
  physiotherapist: [
    ['visit', 'Séance de rééducation : équilibre et transferts. {Pt} {coopérant|coopérante}, vite fatigable.'],
    ['visit', 'Marche de {metres} m avec aide technique, sans pause. Progrès net depuis le début de la prise en charge.'],
    ['visit', 'Séance annulée : {pt} trop {fatigué|fatiguée}. Reportée à {jour}.'],
    ['visit', 'Renforcement musculaire des membres inférieurs, travail du lever de chaise. Bonne participation.'],
    ['note', 'Bilan de mi-parcours : TUG à {tug} s, appui unipodal possible 3 s. Poursuite des séances.'],
    ['note', 'Fin de la série de {nb_seances} séances : objectifs atteints, exercices à poursuivre {seul|seule}.'],
    ['note', 'Conseils d’aménagement donnés à {proche} : retirer les tapis, éclairer le couloir la nuit.'],
  ],
  home_care: [
    ['visit', 'Toilette au lavabo, {pt} participe pour le visage et les mains.'],
    ['visit', 'Aide au repas : a mangé la moitié de son assiette, a bu {verres} verres d’eau.'],
    ['visit', 'Toilette complète au lit ce matin, rougeur au sacrum signalée à {ide}.'],
    ['visit', 'Courses faites avec {pt} ({courses}), repas du soir préparé.'],
    ['visit', 'Aide au lever et à l’habillage ; {pt} de bonne humeur, parle beaucoup de {proche}.'],
    ['visit', 'Ménage {piece} et change du linge de lit ; {pt} {humeur}.'],
    ['note', 'Réfrigérateur presque vide ce matin, produits périmés jetés. Signalé à {aidant}.'],
    ['note', '{Pt} dort mal d’après {lui}, se lève plusieurs fois la nuit.'],
    ['note', 'Planning modifié : passage à 9 h au lieu de 8 h 30 à partir de {jour}.'],
    ['note', 'Changement d’intervenant cette semaine (congés) : {pt} {prévenu|prévenue}, pas d’inquiétude.'],
    ['phone_call', 'Appel de {aidant} pour ajouter un passage le samedi ; transmis au responsable de secteur.'],
    ['alert', 'Porte fermée à notre passage de {heure}, pas de réponse au téléphone. {Aidant} joint{pe} : {pt} était chez une voisine.'],
  ],
  social_worker: [
    ['note', 'Dossier instruit ({aide_sociale}), en attente de décision.'],
    ['note', 'Ouverture des droits à la complémentaire santé solidaire obtenue.'],
    ['note', 'Dossier APL mis à jour avec la CAF après le changement de ressources.'],
    ['note', 'Requête pour une mesure de protection (curatelle) envoyée au juge des contentieux de la protection.'],
    ['note', 'Aide financière exceptionnelle accordée par le CCAS pour {besoin}.'],
    ['visit', 'Visite à domicile : point sur les ressources ({ressources}) et les charges. Budget très contraint.'],
    ['visit', 'Rendez-vous au domicile avec {pt} et {proche} pour compléter les justificatifs.'],
    ['phone_call', 'Appel de {aidant} au sujet d’une aide pour {besoin}.'],
    ['phone_call', 'Échange avec le CCAS : portage de repas possible dès {jour}.'],
    ['meeting', 'Synthèse avec {coord} : priorités sociales = {priorites}.'],
  ],
  specialist: [
    ['note', 'Consultation ce jour : situation stable, pas de changement. Prochain rendez-vous dans 3 mois.'],
    ['note', 'Compte rendu de consultation adressé à {gp} : {adaptation}.'],
    ['meeting', 'Participation à la concertation : avis favorable au maintien à domicile avec renfort des aides.'],
    ['phone_call', 'Échange avec {gp} sur les résultats du bilan ({bio}).'],
  ],
  hospital: [
    ['note', 'Point avec le service : projet de sortie en cours, {pt} souhaite rentrer chez {lui}.'],
    ['note', 'Évaluation par l’ergothérapeute du service : transferts possibles avec aide, douche à adapter.'],
    ['phone_call', 'Appel à {coord} : {pt} toujours {hospitalisé|hospitalisée}, sortie envisagée {jour}.'],
  ],
  other: [
    ['visit', 'Visite de pré-admission à l’EHPAD avec {pt} et {proche} : chambre visitée, dossier administratif remis.'],
    ['note', 'Demande d’admission reçue via ViaTrajectoire, examinée en commission {jour}.'],
    ['meeting', 'Commission d’admission : avis favorable, entrée possible sous 2 mois.'],
    ['phone_call', 'Appel de {aidant} : questions sur le tarif hébergement et l’aide sociale.'],
  ],
  coordinator: [
    ['phone_call', 'Appel de {aidant} : {soucis_aidant}.'],
    ['phone_call', 'Appel à {pt} : {nouvelles}.'],
    ['phone_call', 'Appel de {ide}, qui signale {signe} chez {pt}. {Gp} informé.'],
    ['phone_call', 'Point téléphonique avec {pharma} sur l’observance : {oubli}.'],
    ['note', 'Point de situation : {point}.'],
    ['note', 'Démarche : {demarche}.'],
    ['note', 'Information transmise à {gp} : {pt} {etat} selon {ide}.'],
    ['note', 'Révision du PPCS : {revision}.'],
    ['visit', 'Visite à domicile de suivi : {pt} {etat}. {Il} souhaite rester chez {lui}.'],
    ['visit', 'Visite à domicile avec {proche} : point sur les aides en place, pas de besoin nouveau.'],
    ['meeting', 'Réunion de concertation pluriprofessionnelle : {point}. Prochaine réunion {date}.'],
    ['alert', 'Alerte relayée par {ide} : {pt} présente {signe}. {Gp} prévenu, {proche} rappelé{pe}.'],
  ],
};

// Texts only a very old person's team writes: falls, undernutrition, isolation.
export const ELDERLY_TEXTS: RoleTexts = {
  nurse: [
    ['note', 'Stock de pansements presque épuisé : ordonnance à renouveler par {gp}.'],
    ['alert', 'Chute ce matin dans la salle de bain, {pt} {retrouvé|retrouvée} au sol par {proche}. Hématome du coude, pas de douleur à la mobilisation. {Gp} prévenu.'],
    ['visit', 'Complément nutritionnel oral pris, a terminé son assiette ce midi. Pesée : {poids} kg.'],
    ['visit', 'Marche avec le déambulateur dans l’appartement, plus {assuré|assurée}. TA {ta}, pas de nouvelle chute.'],
  ],
  home_care: [
    ['alert', 'Chute ce matin : {pt} {retrouvé|retrouvée} au sol dans la chambre à notre arrivée à {heure}, {conscient|consciente}, douleur à la hanche. SAMU appelé, {proche} prévenu{pe}.'],
  ],
  coordinator: [
    ['note', 'Portage de repas en place depuis {jour_passe} : {pt} apprécie, garde une partie pour le soir.'],
    ['meeting', 'Point avec {ssiad} : {pt} accepte désormais l’aide à la toilette, plan d’aide à ajuster.'],
  ],
};

// Texts for people who live alone: isolation, neighbours, alarms.
export const ALONE_TEXTS: RoleTexts = {
  home_care: [
    ['note', '{Pt} ne sort plus de chez {lui} depuis deux semaines, se dit {seul|seule}.'],
    ['note', 'Courrier en retard retrouvé sur la table (factures), signalé à {coord}.'],
  ],
  coordinator: [
    ['phone_call', 'Appel de la voisine de {pt} : volets fermés ce matin, rassurée après passage de {ide}.'],
    ['note', 'Téléassistance installée {jour_passe}, essai concluant ; {proche} enregistré{pe} comme premier contact.'],
    ['note', 'Visites de bénévoles proposées à {pt} contre l’isolement : accepte une visite par semaine.'],
  ],
  nurse: [['visit', '{Pt} {seul|seule} toute la journée, peu de contacts depuis la dernière visite de {proche}. Moral à surveiller.']],
};

export const CONDITION_TEXTS: Partial<Record<Condition, RoleTexts>> = {
  diabetes: {
    nurse: [
      ['visit', 'Glycémie capillaire à jeun {gly} g/L. Injection d’insuline faite, site de piqûre correct.'],
      ['visit', 'Soins de pieds : pas de plaie, peau sèche, hydratation conseillée. Chaussures adaptées.'],
      ['alert', 'Hypoglycémie à 0,58 g/L ce matin, resucrage fait, contrôle à 1,12 g/L 30 min après. {Gp} prévenu.'],
      ['note', 'Carnet de glycémies revu : valeurs entre {gly} et 2,60 g/L, pics après le repas du soir.'],
    ],
    attending_gp: [
      ['note', 'HbA1c à {hba1c} %, objectif non atteint. Majoration progressive de l’insuline basale selon les glycémies à jeun.'],
      ['note', 'DFG à {dfg} mL/min : adaptation des doses, avis néphrologique demandé.'],
    ],
    specialist: [
      ['note', 'Consultation de néphrologie : DFG {dfg} mL/min, kaliémie {k} mmol/L. Régime pauvre en sel et en potassium réexpliqué.'],
      ['note', 'Information sur les techniques de suppléance (dialyse péritonéale, hémodialyse) donnée à {pt}.'],
    ],
  },
  heart_failure: {
    nurse: [
      ['visit', 'Pesée : {poids} kg, stable. Pas de dyspnée au repos, chevilles fines.'],
      ['alert', 'Prise de 2 kg en 3 jours, œdèmes des chevilles, essoufflement à l’effort. {Gp} prévenu pour adapter le diurétique.'],
    ],
    attending_gp: [['note', 'Majoration du furosémide pendant 5 jours puis retour à la dose habituelle. Contrôle de la kaliémie à J5.']],
  },
  copd: {
    nurse: [
      ['visit', 'SpO2 {spo2} sous 2 L/min d’oxygène, encombrement bronchique, toux productive.'],
      ['visit', 'Technique d’inhalation revue avec {pt} : chambre d’inhalation utilisée correctement.'],
    ],
    physiotherapist: [['visit', 'Drainage bronchique : désencombrement efficace, SpO2 {spo2} en fin de séance.']],
    attending_gp: [['note', 'Exacerbation de BPCO : antibiothérapie 7 jours et corticoïdes courts. Réévaluation à 48 h.']],
  },
  cancer: {
    nurse: [
      ['visit', 'Pompe à morphine vérifiée, douleurs contrôlées (EVA {eva}). Nausées en diminution.'],
      ['visit', 'Rinçage de la chambre implantable, point de ponction propre.'],
    ],
    attending_gp: [['note', 'Soins de confort privilégiés en accord avec {pt} et {proche}. Prescriptions anticipées rédigées.']],
    coordinator: [['meeting', 'Concertation avec l’équipe mobile de soins palliatifs : maintien à domicile souhaité, HAD sollicitée.']],
  },
  dementia: {
    nurse: [
      ['visit', '{Pt} {désorienté|désorientée} ce matin, ne se souvenait pas de mon passage d’hier. Traitement donné en main propre.'],
      ['alert', 'Pilulier retrouvé intact : aucun comprimé pris depuis 2 jours. Signalé à {coord}.'],
    ],
    home_care: [
      ['alert', 'Refus de la toilette depuis 3 jours, agitation en fin de journée. À évoquer avec {coord}.'],
      ['note', 'Plaques de cuisson laissées allumées hier soir selon {proche} ; coupe-gaz à prévoir.'],
    ],
    specialist: [['note', 'Consultation mémoire : MMSE {mmse}/30, troubles du comportement modérés. Accueil de jour conseillé.']],
    coordinator: [['phone_call', 'Appel de {aidant} : épuisement, demande un hébergement temporaire. Dossier de répit lancé.']],
  },
  frailty: {
    attending_gp: [['note', 'Déprescription : arrêt du zolpidem (risque de chute), diminution progressive de l’oxazépam.']],
    physiotherapist: [['visit', 'Apprentissage du relever du sol : {pt} y arrive avec un appui sur une chaise.']],
  },
  parkinson: {
    nurse: [['visit', 'Prises de lévodopa à heures fixes respectées. Blocages moteurs en fin de journée.']],
    physiotherapist: [['visit', 'Travail de la marche avec repères visuels au sol, moins de freezing au demi-tour.']],
  },
  stroke: {
    nurse: [['visit', 'Aide pour la toilette du dos, progrès de l’hémicorps droit pour l’habillage.']],
    physiotherapist: [['visit', 'Rééducation du membre supérieur droit : préhension fine en progrès.']],
  },
  psychiatric: {
    nurse: [
      ['visit', 'Injection retard faite ce jour, bien tolérée. Prochaine dans 4 semaines.'],
      ['visit', 'Traitement pris devant moi. {Pt} calme, échanges cohérents.'],
    ],
    specialist: [
      ['note', 'Consultation au CMP : humeur stabilisée, sommeil amélioré. Poursuite du traitement.'],
      ['note', 'Réévaluation du traitement : {adaptation}.'],
    ],
    social_worker: [['note', 'Dossier MDPH (AAH, orientation SAMSAH) complété, certificat médical demandé à {gp}.']],
  },
  disability: {
    nurse: [['visit', 'Soins d’hygiène avec l’aide de {proche}. Peau intacte aux points d’appui.']],
    social_worker: [
      ['note', 'Renouvellement de la PCH déposé à la MDPH, plan de compensation à réévaluer.'],
      ['visit', 'Visite à domicile : aménagement de la salle de bain à prévoir, devis demandé.'],
    ],
  },
};
