/** Texts of safe sending: late innkallinger, suppressed addresses, correcting a person, sending to selected people. */
export const nbSending = {
  /** What each kind of send is called in the list of a meeting's sends. */
  templateNames: {
    invitation: "innkalling",
    reminder: "påminnelse",
    cancellation: "avlysning",
    minutes: "referat",
    confirmation: "bekreftelse",
    "substitute-released": "melding til stedfortreder",
    "postmottak-copy": "kopi til postmottak",
    escalation: "purring til postmottak",
  } as Record<string, string>,
  deadlinePassed: (when: string) => `svarfristen (${when}) har gått ut`,
  startPassed: (when: string) => `møtet har startet (${when})`,
  /** The rule's message: what has passed, as a sentence. */
  latePassed: (parts: string[]) => {
    const text = parts.join(" og ");
    return `Innkallingen kommer sent: ${text}.`;
  },
  lateApiHint: "Send med «confirmLate: true» for å sende likevel.",
  lateWarningHeading: "Fristen eller møtestart har passert",
  lateConfirm: "Jeg vet at fristen eller møtestart har passert, og vil sende innkallingen likevel",
  sendAnyway: "Send likevel",
  suppressedBounce: "Ikke sendt: adressen har avvist e-post tidligere. Rett e-postadressen på organets medlemsside.",
  suppressedComplaint:
    "Ikke sendt: mottakeren har meldt e-post fra oss som søppelpost. Rett e-postadressen på organets medlemsside.",
  blockedUntilCorrected: "Adressen får ingen flere utsendelser før den er rettet på organets medlemsside.",
  suppressedCount: (n: number) => `${n} ikke sendt fordi adressen er sperret (avvist eller meldt som søppelpost).`,
  emailTaken: (email: string) => `E-postadressen ${email} brukes allerede av en annen person.`,
  personChangedMeanwhile: "Personen ble endret samtidig av noen andre. Last siden på nytt og prøv igjen.",
  nothingToChange: "Oppgi navn eller e-postadresse som skal endres.",
  personUpdated: "Personen er oppdatert.",
  correctPerson: "Rett navn og e-post",
  nameFor: (name: string) => `Navn for ${name}`,
  emailFor: (name: string) => `E-post for ${name}`,
  savePerson: "Lagre",
  bouncedMark: "E-post til adressen ble avvist: får ingen utsendelser før adressen er rettet",
  complainedMark: "Meldte e-post fra oss som søppelpost: får ingen utsendelser før adressen er rettet",
  selectedHeading: "Send til utvalgte",
  selectedHint: "Kryss av for dem som skal få innkallingen nå (for eksempel nye medlemmer eller noen som ikke fikk den).",
  selectedLegend: "Mottakere",
  sendSelected: "Send til de valgte",
  noneSelected: "Velg minst én mottaker.",
  pickRefused: (why: string) => `Ingenting ble sendt. ${why} Last siden på nytt og velg mottakerne igjen.`,
  blockedMark: "får ikke e-post: adressen er sperret til den rettes på organets medlemsside",
  apiDocs: {
    updatePerson: "Rett en persons navn eller e-postadresse (nullstiller avvisning og søppelpostmelding)",
  },
};
