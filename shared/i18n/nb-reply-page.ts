/** Texts of the participant's reply page beyond nb.ts's, kept apart from nb-replies.ts so the reply Lambda loads only these. */
export const nbReplyPage = {
  substituteChoices: { attending: "Ja, jeg kommer", absent: "Nei, jeg kan ikke likevel (forfall)" },
  /** A case withdrawn after the innkalling, on the participant's agenda (it keeps its number). */
  caseWithdrawn: "Trukket",
  /** The reply form's own checks (shared/invitations/reply-form.ts). */
  formErrors: {
    substituteName: "Skriv navnet på stedfortrederen.",
    substituteEmail: "Skriv en gyldig e-postadresse for stedfortrederen.",
    tooLong: (max: number) => `Kan ha høyst ${max} tegn.`,
  },
};
