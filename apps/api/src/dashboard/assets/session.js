// Signing in and out. The token lives in sessionStorage: a reload keeps the session, closing the
// tab ends it, as the login form promises.

import { destroyCharts } from './charts.js';
import * as format from './format.js';
import { MESSAGES } from './messages.js';
import { state } from './state.js';
import { isExpired, normaliseToken, readClaims } from './token.js';
import { showAlert, view } from './view.js';

const TOKEN_KEY = 'stegvis.token';
const READER_ROLES = new Set(['chief', 'board']);

/** The token saved by an earlier sign-in in this tab, if any. */
export function savedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function showLogin(message) {
  state.token = null;
  state.claims = null;
  state.request?.abort();
  sessionStorage.removeItem(TOKEN_KEY);
  destroyCharts();
  view.session.hidden = true;
  view.reportView.hidden = true;
  view.login.hidden = false;
  view.tokenInput.value = '';
  showAlert(message ?? '');
  view.tokenInput.focus();
}

/** Starts a session with a token; false (and a message on the login view) if it cannot. */
export function signIn(rawToken) {
  const token = normaliseToken(rawToken);
  const claims = token ? readClaims(token) : null;
  if (!claims || isExpired(claims)) {
    showLogin(MESSAGES.invalidToken);
    return false;
  }
  if (!READER_ROLES.has(claims.role)) {
    showLogin(MESSAGES.wrongRole(claims.role));
    return false;
  }
  if (typeof claims.associationId !== 'string' || claims.associationId === '') {
    showLogin(MESSAGES.noAssociation);
    return false;
  }
  state.token = token;
  state.claims = claims;
  sessionStorage.setItem(TOKEN_KEY, token);
  showAlert('');
  view.login.hidden = true;
  view.reportView.hidden = false;
  view.session.hidden = false;
  view.sessionWho.textContent = `Inloggad som ${format.ROLE_LABELS[claims.role]}`;
  return true;
}
