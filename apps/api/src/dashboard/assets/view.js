// The elements of index.html that the page fills in or listens to, and its two message areas.

const $ = (id) => document.getElementById(id);

export const view = {
  session: $('session'),
  sessionWho: $('session-who'),
  logout: $('logout'),
  alert: $('alert'),
  login: $('login-view'),
  loginForm: $('login-form'),
  tokenInput: $('token-input'),
  reportView: $('report-view'),
  filters: $('filters'),
  year: $('year'),
  intervention: $('intervention'),
  downloadCsv: $('download-csv'),
  downloadXlsx: $('download-xlsx'),
  status: $('status'),
  note: $('note'),
  title: $('report-title'),
  meta: $('report-meta'),
  empty: $('empty'),
  report: $('report'),
  figures: $('figures'),
  goals: $('goals'),
  interventionsBlock: $('interventions-block'),
  interventions: $('interventions'),
  charts: $('charts'),
  employmentBlock: $('employment-block'),
  employment: $('employment'),
  completeness: $('completeness'),
};

/** Shows an error (role="alert"); an empty message hides the area. */
export function showAlert(message) {
  view.alert.textContent = message;
  view.alert.hidden = !message;
}

/** Shows a note about what is shown (e.g. that a link's insats was replaced); '' hides it. */
export function showNote(message) {
  view.note.textContent = message;
  view.note.hidden = !message;
}

/** Tells screen readers what is going on (role="status", polite). */
export function setStatus(message) {
  view.status.textContent = message;
}
