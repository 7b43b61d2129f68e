// The dashboard: asks for a token, reads the year's report with it and shows it in Swedish.
// This module only connects the page's controls to the other modules and starts the session.

import { download, load } from './loading.js';
import { fillInterventions, fillYears, readSelectionFromUrl } from './selection.js';
import { savedToken, showLogin, signIn } from './session.js';
import { state } from './state.js';
import { view } from './view.js';

view.loginForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (signIn(view.tokenInput.value)) {
    state.focusReport = true;
    void load();
  }
});

view.logout.addEventListener('click', () => showLogin(''));

view.filters.addEventListener('submit', (event) => {
  event.preventDefault();
  void load();
});

view.year.addEventListener('change', () => {
  state.year = Number(view.year.value);
  // Another year may have other interventions: start from the whole association.
  state.interventionId = '';
  state.interventions = [];
  void load();
});

view.intervention.addEventListener('change', () => {
  state.interventionId = view.intervention.value;
  void load();
});

view.downloadCsv.addEventListener('click', () => void download('csv', view.downloadCsv));
view.downloadXlsx.addEventListener('click', () => void download('xlsx', view.downloadXlsx));

readSelectionFromUrl();
fillYears();
fillInterventions();
const saved = savedToken();
// A saved token that no longer works has already put up the login view with its message.
if (saved && signIn(saved)) {
  void load();
} else if (!saved) {
  showLogin('');
}
