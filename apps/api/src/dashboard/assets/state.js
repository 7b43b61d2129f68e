// Shared by the modules that sign in, choose the report and load it.

/** The session: the token and its claims, and what is being shown. */
export const state = {
  token: null,
  claims: null,
  year: new Date().getFullYear(),
  interventionId: '',
  /** The year's interventions, from its association report, for the filter. */
  interventions: [],
  request: null,
  /** Move focus to the report once it is shown (after signing in). */
  focusReport: false,
};
