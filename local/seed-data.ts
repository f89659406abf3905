/**
 * Demo data from the real documents in ../shared/seeds/ (Vestregionen, 2017).
 * Used by `npm start` on an empty database and by the tests that rebuild the seeds through the API.
 */
export const kommuner = [
  ["Asker", "Asker og Bærum"],
  ["Bærum", "Asker og Bærum"],
  ["Drammen", "Drammensregionen"],
  ["Lier", "Drammensregionen"],
  ["Øvre Eiker", "Drammensregionen"],
  ["Nedre Eiker", "Drammensregionen"],
  ["Hole", "Ringeriksregionen"],
  ["Krødsherad", "Midt-Buskerud"],
  ["Modum", "Midt-Buskerud"],
  ["Ringerike", "Ringeriksregionen"],
  ["Røyken", "Vestviken"],
  ["Sande", "Drammensregionen"],
  ["Sigdal", "Midt-Buskerud"],
  ["Svelvik", "Drammensregionen"],
  ["Hurum", "Vestviken"],
  ["Flesberg", "Kongsbergregionen"],
  ["Flå", "Hallingdal"],
  ["Gol", "Hallingdal"],
  ["Hemsedal", "Hallingdal"],
  ["Hol", "Hallingdal"],
  ["Kongsberg", "Kongsbergregionen"],
  ["Nes", "Hallingdal"],
  ["Nore og Uvdal", "Kongsbergregionen"],
  ["Rollag", "Kongsbergregionen"],
  ["Ål", "Hallingdal"],
] as const;
export const fylkeskommuner = ["Buskerud", "Akershus"] as const;

export const bodies = [
  { key: "rg", name: "Rådmannsgruppen", shortName: "RG" },
  { key: "sg", name: "Styringsgruppen", shortName: "SG" },
  { key: "khs", name: "Ordførermøtet i Kommunehelsesamarbeidet", shortName: "KHS" },
] as const;

export const secretariat = { name: "Nina Solberg", email: "sekretariat@vestregionen.no", phone: "32 00 00 00" };

/** Rådmannsgruppen as in seed 001 (present and apologies), with demo addresses. */
export const radmannsgruppen: { name: string; organisation: string }[] = [
  { name: "Erik Kjeldstadli", organisation: "Bærum" },
  { name: "Tuss Benum", organisation: "Asker" },
  { name: "Trond Julin", organisation: "Drammen" },
  { name: "Bente Gravdal", organisation: "Lier" },
  { name: "Trude Andresen", organisation: "Øvre Eiker" },
  { name: "Torger Ødegaard", organisation: "Hole" },
  { name: "Stig Rune Kroken", organisation: "Krødsherad" },
  { name: "Aud Norunn Strand", organisation: "Modum" },
  { name: "Truls Hvitstein", organisation: "Nedre Eiker" },
  { name: "Tore Isaksen", organisation: "Ringerike" },
  { name: "Per Morstad", organisation: "Røyken" },
  { name: "Olav Grande", organisation: "Sande" },
  { name: "Jostein Harm", organisation: "Sigdal" },
  { name: "Leif-Arne Steingrimsen", organisation: "Svelvik" },
  { name: "Kjersti B. Hulbakk", organisation: "Buskerud" },
  { name: "Per Kierulf", organisation: "Akershus" },
];

export function demoEmail(name: string): string {
  const local = name
    .toLowerCase()
    .replace(/æ/g, "ae")
    .replace(/ø/g, "o")
    .replace(/å/g, "a")
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
  return `${local}@example.org`;
}

/** Seed 000: Innkalling til møte i Rådmannsgruppen 1. juni 2017. */
export const seed000 = {
  meeting: {
    title: "Møte i Rådmannsgruppen",
    startsAt: "2017-06-01T09:00",
    endsAt: "2017-06-01T12:00",
    place: "Rådhuset i Drammen, møterom Åssiden/Konnerud",
    kind: "physical" as const,
    replyDeadline: "2017-05-29T12:00",
  },
  firstCaseNumber: 12,
  year: 2017,
  agenda: [
    { kind: "opening" as const, title: "Godkjenning av innkalling og dagsorden", proposedDecision: "Godkjent." },
    {
      kind: "decision" as const,
      title: "Referat fra møte i Rådmannsgruppen",
      background: "Til behandling foreligger referat fra møte 23.02.2017 og elektronisk møte i mars 2017.",
      proposedDecision: "Framlagte forslag til referat godkjennes.",
      attachmentNumbers: [1, 2],
    },
    {
      kind: "decision" as const,
      title: "Referat fra møte i Styringsgruppen",
      background: "Til behandling foreligger referat fra møte 16.03.2017",
      proposedDecision: "Framlagt forslag til referat tas til orientering",
      attachmentNumbers: [3],
    },
    {
      kind: "decision" as const,
      title: "Tertialrapport 1 – 2017",
      background:
        "Til behandling foreligger statusrapport for gjennomførte aktiviteter i perioden 01.01.2017 til 30.04.2017, samt resultatregnskap pr 30.4.2017.",
      proposedDecision:
        "Rådmannsgruppen anbefaler styringsgruppen å godkjenne framlagt tertialrapport inkl. resultatregnskap pr 30.4.2017.",
      attachmentNumbers: [4, 5, 6],
    },
    {
      kind: "decision" as const,
      title: "Møteplan 2018",
      background: "Til behandling foreligger forslag til møteplan for 2017.",
      proposedDecision: "Rådmannsgruppen slutter seg til framlagt forslag til møteplan for 2017.",
      attachmentNumbers: [7],
    },
    {
      kind: "decision" as const,
      title: "Studietur november 2017",
      background:
        "Styringsgruppen besluttet i møte i mars 2017, å benytte avsatt tid til studietur i november 2017 til å diskutere Vestregionens framtid inkl. Kommunehelsesamarbeidet.\nOpplegg for studieturen inkl. sted legges fram i møtet.",
      proposedDecision: "Rådmannsgruppen slutter seg til framlagt forslag til opplegg for studietur 1. – 3. november 2017.",
    },
    {
      kind: "decision" as const,
      title: "Kommunehelsesamarbeidet – avvikling eller videreføring?",
      background:
        "Samarbeidsavtalen som ligger til grunn for Kommunehelsesamarbeidets 26 kommuner utgår i 31.12.2017. Vestregionens styringsgruppe har invitert ordførerne i alle deltakerkommunene til et møte den 15.6.2017, og vil her foreslå at Kommnehelsesamarbeidet forlenges minst fram til sommeren 2018. Fram til sommeren 2018 må kommunene avklare om Kommnehelsesamarbeidet skal avvikles, eller videreføres.\n\nVedlagt følger et første oppspill til diskusjonen om Kommnehelsesamarbeidet framtid. Notatet bearbeides etter møtet i rådmannsgruppen, og sendes alle inviterte parter før møtet den 15.6.2017.",
      proposedDecision: "Notatet bearbeides i tråd med rådmannsgruppens kommentarer.",
      attachmentNumbers: [8],
    },
    {
      kind: "information" as const,
      title: "Prosjekter innen prioriterte satsingsområder",
      subItems: [
        {
          letter: "A",
          title: "Kommnehelsesamarbeidet",
          bullets: [
            "Utviklingsplan Vestre Viken; rehabilitering",
            "Funksjonsorienterte pasientforløp",
            "Psykisk helse og rus",
            "Opplegg dialogmøte med Vestre Viken 15.6.2017",
          ],
        },
        {
          letter: "B",
          title: "KomUt",
          bullets: ["Status kjernejournal", "Status helsestasjoner", "Pleie og omsorgsmeldinger Bærum"],
        },
        { letter: "C", title: "BPA", bullets: ["Status revisjon og kontroll av lønns- og arbeidsforhold"] },
        { letter: "D", title: "Folkehelse", bullets: [] },
        {
          letter: "E",
          title: "Regional utvikling",
          bullets: ["Status fagutvikling Fagskolen i Kongsberg", "Status Elektriske delesykler Asker - Kongsberg"],
        },
        { letter: "F", title: "Kunst rett vest", bullets: ["Status arrangement 2017 og 2018"] },
        { letter: "G", title: "Ungdomssymfonikerne", bullets: ["Status evaluering av orkesteret; resultater fra undersøkelse"] },
      ],
    },
    {
      kind: "information" as const,
      title: "Øvrige orienteringer, meldinger og informasjon",
      subItems: [
        { letter: "A", title: "Fra medlemskommunene + fylkeskommunene", bullets: [] },
        { letter: "B", title: "Fra delregionene", bullets: [] },
        { letter: "C", title: "Fra Osloregionen", bullets: [] },
        { letter: "D", title: "Fra rådmannsgruppens leder/sekretariat", bullets: [] },
      ],
    },
    { kind: "decision" as const, title: "Eventuelt" },
  ],
};

/** Seed 001: Referat fra møte i Rådmannsgruppen 23. november 2017. */
export const seed001 = {
  meeting: {
    title: "Møte i Rådmannsgruppen",
    startsAt: "2017-11-23T09:00",
    endsAt: "2017-11-23T11:15",
    place: "Drammen rådhus",
    kind: "physical" as const,
  },
  firstCaseNumber: 29,
  year: 2017,
  present: ["Erik Kjeldstadli", "Tuss Benum", "Bente Gravdal", "Trude Andresen"],
  substitutes: [{ member: "Trond Julin", name: "Kari Solberg Økland" }],
  absent: [
    "Torger Ødegaard",
    "Stig Rune Kroken",
    "Aud Norunn Strand",
    "Truls Hvitstein",
    "Tore Isaksen",
    "Per Morstad",
    "Olav Grande",
    "Jostein Harm",
    "Leif-Arne Steingrimsen",
    "Kjersti B. Hulbakk",
    "Per Kierulf",
  ],
  secretariat: ["Nina Solberg", "Lena Hansson"],
  openingDecision: "Godkjent.",
  agenda: [
    {
      title: "Referat fra møte i Rådmannsgruppen",
      background: "Til behandling forelå referat fra møte 14.09.2017",
      decision: "Framlagt forslag til referat godkjennes.",
    },
    {
      title: "Referat fra møte i Styringsgruppen",
      background: "Til behandling forelå referat fra møte 28.09.2017",
      decision: "Framlagt forslag til referat tas til orientering.",
    },
    {
      title: "Protokoll Markarådet",
      background: "Til behandling forelå protokoll fra Markarådets møte 27.6.2017",
      decision: "Framlagt forslag til referat tas til orientering.",
    },
    {
      title: "Vestregionens fremtid",
      background:
        "Styringsgruppen besluttet i møte 15.06.2017 å gjennomføre en prosess fram til juni 2018 for å avklare Vestregionens framtidige organisering.",
      decision:
        "Rådmannsgruppen tar framlagt notat om Vestregionens relasjoner og forpliktelser til orientering. Svarene i gjennomført undersøkelse ønskes strukturert slik at også synspunkter fra små og store kommuner framkommer, og at presentasjonen også viser eventuelle skiller mellom de ulike delregionene i Vestregionen.",
    },
    {
      title: "Videreføring av Kunst rett vest i 2019",
      background: "Til behandling forelå forslag om at Kunst rett vest gjennomføres i 2019.",
      decision:
        "Rådmannsgruppen ber styringsgruppen avklare vertskapet for Kunst rett vest i 2019 snarest, og helst i møte 7.12.2017. Til behandling vil det foreligge forslag til alternative finansieringsmodeller; med og uten vertskommunebidrag.",
    },
    {
      title: "Budsjett og handlingsplan for 2018",
      background: "Til behandling forelå forslag til budsjett og handlingsplan for 2018.",
      decision:
        "Rådmannsgruppen slutter seg til framlagt forslag til budsjett og handlingsplan for 2018. Kontingenten foreslås videreført med kr 10 pr innbygger.",
    },
    {
      title: "Tjenestekonsesjonskontrakt BPA",
      background: "Gjeldende tjenestekonsesjonsavtaler med private leverandører av BPA-tjenester utgår 31.12.2018.",
      decision:
        "Rådmannsgruppen foreslår for styringsgruppen at inneværende tjenestekonsesjonsavtaler forlenges ut over 2018; i første omgang ut 2019.",
    },
    { title: "Prosjekter innen prioriterte satsingsområder", kind: "information" as const },
    { title: "Øvrige orienteringer, meldinger og informasjon", kind: "information" as const },
    { title: "Eventuelt", decision: "Ingen saker meldt." },
  ],
};
