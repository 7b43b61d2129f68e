// Which report is shown: the year and insats filters, mirrored in the address.

import { el } from './dom.js';
import { state } from './state.js';
import { view } from './view.js';

export function fillYears() {
  const current = new Date().getFullYear();
  const years = new Set();
  for (let year = current; year >= current - 9; year -= 1) years.add(year);
  years.add(state.year);
  view.year.replaceChildren(
    ...[...years]
      .sort((a, b) => b - a)
      .map((year) => el('option', { value: String(year) }, String(year))),
  );
  view.year.value = String(state.year);
}

export function fillInterventions() {
  const options = [el('option', { value: '' }, 'Alla insatser')];
  for (const intervention of state.interventions) {
    options.push(el('option', { value: intervention.interventionId }, intervention.name));
  }
  view.intervention.replaceChildren(...options);
  view.intervention.value = state.interventionId;
  view.intervention.disabled = state.interventions.length === 0;
}

/** Keeps the year and insats in the address, so a reload or a bookmark shows the same. */
export function saveSelectionInUrl() {
  const params = new URLSearchParams({ ar: String(state.year) });
  if (state.interventionId) params.set('insats', state.interventionId);
  history.replaceState(null, '', `#${params}`);
}

export function readSelectionFromUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  const year = Number(params.get('ar'));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) state.year = year;
  state.interventionId = params.get('insats') ?? '';
}
