// How people are named on screen.

/** « DUPONT Marie », as identity vigilance writes a patient's name. */
export function patientName(patient: { birthName: string; givenName: string }): string {
  return `${patient.birthName.toUpperCase()} ${patient.givenName}`;
}

/** « Jean Martin » */
export function personName(person: { givenName: string; familyName: string }): string {
  return `${person.givenName} ${person.familyName}`;
}

/** « Jean Martin (infirmier) » when the profession is known. */
export function personWithProfession(person: { givenName: string; familyName: string; profession: string | null }): string {
  return person.profession ? `${personName(person)} (${person.profession})` : personName(person);
}
