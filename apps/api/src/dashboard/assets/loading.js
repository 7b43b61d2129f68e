// Loading the chosen report and downloading it as a file, with the session's token.

import { ApiError, downloadReport, fetchReport } from './api.js';
import { MESSAGES, messageFor } from './messages.js';
import { clearReport, render } from './render.js';
import { fillInterventions, saveSelectionInUrl } from './selection.js';
import { showLogin } from './session.js';
import { state } from './state.js';
import { setStatus, showAlert, showNote, view } from './view.js';

export async function load() {
  state.request?.abort();
  const request = new AbortController();
  state.request = request;
  saveSelectionInUrl();
  setStatus('Hämtar rapporten …');
  view.reportView.setAttribute('aria-busy', 'true');
  showAlert('');
  showNote('');
  const { year } = state;
  try {
    const wanted = {
      associationId: state.claims.associationId,
      token: state.token,
      signal: request.signal,
      year,
    };
    // The filter's list comes from the association report, so fetch it when it is missing.
    let whole;
    if (!state.interventionId || state.interventions.length === 0) {
      whole = await fetchReport({ ...wanted, interventionId: '' });
      state.interventions = whole.interventions ?? [];
    }
    // An insats from an old link or another year is not in the list: show the whole association
    // (and say so) rather than a blank filter and a report that cannot be fetched.
    let note = '';
    const { interventionId } = state;
    if (interventionId && !state.interventions.some((i) => i.interventionId === interventionId)) {
      state.interventionId = '';
      saveSelectionInUrl();
      note = MESSAGES.staleIntervention(year);
    }
    const report =
      state.interventionId === ''
        ? (whole ?? (await fetchReport({ ...wanted, interventionId: '' })))
        : await fetchReport({ ...wanted, interventionId: state.interventionId });
    if (request.signal.aborted) return;
    showNote(note);
    fillInterventions();
    render(report);
    setStatus(`Rapporten för ${year} är hämtad.`);
    if (state.focusReport) {
      // Just signed in: the login form is gone, so move focus to what replaced it.
      state.focusReport = false;
      view.title.focus();
    }
  } catch (error) {
    if (request.signal.aborted) return;
    if (!(error instanceof ApiError)) {
      setStatus('');
      showAlert('Rapporten kunde inte visas. Ladda om sidan och försök igen.');
      throw error;
    }
    if (error.status === 401) {
      showLogin(MESSAGES.invalidToken);
      return;
    }
    setStatus('');
    clearReport();
    showAlert(messageFor(error));
  } finally {
    if (state.request === request) {
      state.request = null;
      view.reportView.removeAttribute('aria-busy');
    }
  }
}

export async function download(formatName, button) {
  button.disabled = true;
  showAlert('');
  setStatus(`Förbereder ${formatName === 'csv' ? 'CSV-filen' : 'Excel-filen'} …`);
  try {
    await downloadReport({
      associationId: state.claims.associationId,
      year: state.year,
      interventionId: state.interventionId,
      token: state.token,
      format: formatName,
    });
    setStatus('Filen är nedladdad.');
  } catch (error) {
    setStatus('');
    if (error instanceof ApiError && error.status === 401) {
      showLogin(MESSAGES.invalidToken);
    } else {
      showAlert(error instanceof ApiError ? messageFor(error) : 'Filen kunde inte laddas ned.');
    }
  } finally {
    button.disabled = false;
  }
}
