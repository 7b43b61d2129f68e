// Loading the chosen report and downloading it as a file, with the session's token.

import { ApiError, downloadReport, fetchReport } from './api.js';
import { MESSAGES, messageFor } from './messages.js';
import { clearReport, render } from './render.js';
import { fillInterventions, saveSelectionInUrl } from './selection.js';
import { showLogin } from './session.js';
import { state } from './state.js';
import { setStatus, showAlert, view } from './view.js';

export async function load() {
  state.request?.abort();
  const request = new AbortController();
  state.request = request;
  saveSelectionInUrl();
  setStatus('Hämtar rapporten …');
  view.reportView.setAttribute('aria-busy', 'true');
  showAlert('');
  const { year, interventionId } = state;
  try {
    const wanted = {
      associationId: state.claims.associationId,
      token: state.token,
      signal: request.signal,
      year,
    };
    // The filter's list comes from the association report, so fetch it when it is missing.
    const report = await fetchReport({ ...wanted, interventionId });
    if (!interventionId) {
      state.interventions = report.interventions ?? [];
    } else if (state.interventions.length === 0) {
      const whole = await fetchReport({ ...wanted, interventionId: '' });
      state.interventions = whole.interventions ?? [];
    }
    if (request.signal.aborted) return;
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
