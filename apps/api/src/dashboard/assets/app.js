// The dashboard: asks for a token, reads the year's report with it and shows it in Swedish.

import { ApiError, downloadReport, fetchReport } from './api.js';
import { destroyCharts, genderBarChart } from './charts.js';
import * as format from './format.js';
import { isExpired, normaliseToken, readClaims } from './token.js';

const TOKEN_KEY = 'stegvis.token';
const READER_ROLES = new Set(['chief', 'board']);

const MESSAGES = {
  invalidToken: 'Ogiltig eller utgången token. Logga in med en ny token.',
  wrongRole: (role) =>
    `Instrumentpanelen är till för förbundschef och styrelse. Din token gäller ${
      format.ROLE_LABELS[role] ? `rollen ${format.ROLE_LABELS[role]}` : 'en annan roll'
    }.`,
  noAssociation: 'Din token anger inget samordningsförbund. Be om en ny token.',
  forbidden:
    'Du saknar behörighet att läsa det här förbundets rapporter. Kontrollera att din token gäller rätt förbund.',
  notFound: 'Det finns ingen rapport att visa: förbundet eller insatsen finns inte.',
  network: 'Kunde inte nå Stegvis. Kontrollera nätverksanslutningen och försök igen.',
  server: (status, detail) =>
    detail
      ? `Rapporten kunde inte hämtas: ${detail}`
      : `Rapporten kunde inte hämtas (fel ${status}).`,
  empty: 'Inga deltagare registrerade för perioden.',
};

const $ = (id) => document.getElementById(id);

const view = {
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

/** The session: the token and its claims, and what is being shown. */
const state = {
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

// ---------------------------------------------------------------------------------------------
// Small DOM helpers (text is always set as text, never as HTML).

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child !== undefined && child !== null) node.append(child);
  }
  return node;
}

function showAlert(message) {
  view.alert.textContent = message;
  view.alert.hidden = !message;
}

function setStatus(message) {
  view.status.textContent = message;
}

// ---------------------------------------------------------------------------------------------
// Signing in and out.

function showLogin(message) {
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
function signIn(rawToken) {
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

// ---------------------------------------------------------------------------------------------
// Filters.

function fillYears() {
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

function fillInterventions() {
  const options = [el('option', { value: '' }, 'Alla insatser')];
  for (const intervention of state.interventions) {
    options.push(el('option', { value: intervention.interventionId }, intervention.name));
  }
  view.intervention.replaceChildren(...options);
  view.intervention.value = state.interventionId;
  view.intervention.disabled = state.interventions.length === 0;
}

/** Keeps the year and insats in the address, so a reload or a bookmark shows the same. */
function saveSelectionInUrl() {
  const params = new URLSearchParams({ ar: String(state.year) });
  if (state.interventionId) params.set('insats', state.interventionId);
  history.replaceState(null, '', `#${params}`);
}

function readSelectionFromUrl() {
  const params = new URLSearchParams(location.hash.slice(1));
  const year = Number(params.get('ar'));
  if (Number.isInteger(year) && year >= 2000 && year <= 2100) state.year = year;
  state.interventionId = params.get('insats') ?? '';
}

// ---------------------------------------------------------------------------------------------
// Loading a report.

function messageFor(error) {
  if (error.kind === 'network') return MESSAGES.network;
  switch (error.status) {
    case 403:
      return MESSAGES.forbidden;
    case 404:
      return MESSAGES.notFound;
    default:
      return MESSAGES.server(error.status, error.detail);
  }
}

async function load() {
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

async function download(formatName, button) {
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

// ---------------------------------------------------------------------------------------------
// Rendering.

function clearReport() {
  destroyCharts();
  view.report.hidden = true;
  view.empty.hidden = true;
  view.title.textContent = 'Uppföljning';
  view.meta.textContent = '';
}

function isEmpty(report) {
  return report.participants.total.total === 0 && (report.attendance?.total ?? 0) === 0;
}

function render(report) {
  destroyCharts();
  const subject = report.interventionName ?? report.associationName ?? 'Förbundet';
  view.title.textContent = `${subject}: uppföljning ${report.year}`;
  renderMeta(report);
  if (isEmpty(report)) {
    view.report.hidden = true;
    view.empty.textContent = MESSAGES.empty;
    view.empty.hidden = false;
    return;
  }
  view.empty.hidden = true;
  view.report.hidden = false;
  renderFigures(report);
  renderGoals(report);
  renderInterventions(report);
  renderCharts(report);
  renderEmployment(report);
  renderCompleteness(report);
}

function renderMeta(report) {
  const parts = [];
  if (report.interventionName && report.associationName) parts.push(report.associationName);
  parts.push(`Period ${format.date(report.period.from)} – ${format.date(report.period.to)}`);
  const updated =
    report.checkpoint === null || report.checkpoint === undefined
      ? 'inga händelser registrerade ännu'
      : `händelseloggen t.o.m. nr ${format.count(Number(report.checkpoint))}`;
  parts.push(`Uppdaterad: ${updated}, hämtad ${format.dateTime(new Date())}`);
  if (report.asOf) parts.push(`Läget den ${format.date(report.asOf)}`);
  view.meta.textContent = parts.join(' · ');
}

function figure(key, label, value, note) {
  return el(
    'div',
    { class: 'figure', 'data-figure': key },
    el('dt', {}, label),
    el('dd', { class: 'figure__value' }, value),
    note ? el('dd', { class: 'figure__note' }, note) : undefined,
  );
}

function renderFigures(report) {
  const p = report.participants;
  const satisfaction = report.satisfaction;
  const days = report.daysInIntervention;
  const items = [
    figure(
      'total',
      'Deltagare totalt',
      format.count(p.total.total),
      'aktiva någon gång under året',
    ),
    figure('enrolled', 'Nya deltagare', format.count(p.enrolled.total), 'inskrivna under året'),
    figure('exited', 'Avslutade', format.count(p.exited.total), 'avslut under året'),
    figure(
      'activeAtEnd',
      'Aktiva vid årets slut',
      format.count(p.activeAtEnd.total),
      `${format.count(p.activeAtStart.total)} aktiva vid årets början`,
    ),
    figure(
      'womenShare',
      'Andel kvinnor',
      format.percentOf(p.total.woman, p.total.total),
      `${format.count(p.total.woman)} kvinnor, ${format.count(p.total.man)} män`,
    ),
    figure(
      'satisfied',
      'Nöjda deltagare',
      format.percentOf(satisfaction.satisfied.total, satisfaction.answered.total),
      satisfaction.answered.total === 0
        ? 'inga svar från avslutade'
        : `${format.countOf(satisfaction.satisfied.total, satisfaction.answered.total)} avslutade som svarat`,
    ),
  ];
  const progression = report.progression;
  if (progression?.assessed && progression.assessed.total > 0) {
    items.push(
      figure(
        'progress',
        'Positiv förflyttning',
        format.percentOf(progression.positive.total, progression.assessed.total),
        `${format.countOf(progression.positive.total, progression.assessed.total)} med självskattning vid start och avslut`,
      ),
    );
  }
  if (days && days.median !== null) {
    items.push(
      figure(
        'days',
        'Tid i insatsen',
        `${format.count(days.median)} dagar`,
        `median bland avslutade; medel ${format.count(days.mean)} dagar`,
      ),
    );
  }
  if ((report.attendance?.total ?? 0) > 0) {
    items.push(
      figure(
        'attendance',
        'Närvarande',
        format.count(report.attendance.total),
        'huvudräkning i strukturinriktade insatser',
      ),
    );
  }
  view.figures.replaceChildren(...items);
}

function statusBadge(status) {
  const known = format.GOAL_STATUSES[status] ?? { label: status, icon: '•' };
  return el(
    'span',
    { class: `badge badge--${status}` },
    el('span', { class: 'badge__icon', 'aria-hidden': 'true' }, known.icon),
    known.label,
  );
}

function table({ caption, id, columns, rows, footer }) {
  const head = el(
    'tr',
    {},
    ...columns.map((column) =>
      el('th', { scope: 'col', class: column.numeric ? 'num' : undefined }, column.label),
    ),
  );
  const body = el('tbody', {}, ...rows);
  return el(
    'div',
    { class: 'table-scroll' },
    el(
      'table',
      { class: 'table', id },
      el('caption', {}, caption),
      el('thead', {}, head),
      body,
      footer ? el('tfoot', {}, footer) : undefined,
    ),
  );
}

function goalRows(goals, appliesTo) {
  return goals.map((goal) =>
    el(
      'tr',
      { 'data-goal': goal.id },
      el(
        'th',
        { scope: 'row' },
        el('span', { class: 'goal__label' }, goal.label ?? goal.id),
        el('span', { class: 'goal__kind' }, format.GOAL_KINDS[goal.kind] ?? goal.kind),
      ),
      el('td', {}, appliesTo),
      el('td', {}, format.goalTarget(goal)),
      el('td', { class: 'num' }, format.goalValue(goal)),
      el('td', { class: 'num' }, format.goalBasis(goal)),
      el('td', { class: 'goal__status' }, statusBadge(goal.status)),
    ),
  );
}

function renderGoals(report) {
  const rows = [...goalRows(report.goals ?? [], report.interventionName ?? 'Förbundet')];
  for (const intervention of report.interventions ?? []) {
    rows.push(...goalRows(intervention.goals ?? [], intervention.name));
  }
  if (rows.length === 0) {
    view.goals.replaceChildren(el('p', { class: 'hint' }, `Inga mål är satta för ${report.year}.`));
    return;
  }
  view.goals.replaceChildren(
    table({
      caption: `Förbundets och insatsernas mål för ${report.year}`,
      id: 'goals-table',
      columns: [
        { label: 'Mål' },
        { label: 'Gäller' },
        { label: 'Målvärde' },
        { label: 'Utfall', numeric: true },
        { label: 'Underlag', numeric: true },
        { label: 'Status' },
      ],
      rows,
    }),
    el(
      'p',
      { class: 'hint' },
      'Underlaget anger hur många av deltagarna som räknats in i utfallet (täljare av nämnare). ' +
        'Med färre än 5 i underlaget bedöms målet inte.',
    ),
  );
}

function countCells(counts) {
  return [
    ...format.GENDERS.map((gender) => el('td', { class: 'num' }, format.count(counts[gender.key]))),
    el('td', { class: 'num' }, format.count(counts.total)),
  ];
}

function renderInterventions(report) {
  const interventions = report.interventions ?? [];
  view.interventionsBlock.hidden = interventions.length === 0;
  if (interventions.length === 0) {
    view.interventions.replaceChildren();
    return;
  }
  let structural = false;
  const rows = interventions.map((intervention) => {
    const isStructural = intervention.kind === 'structural';
    structural ||= isStructural;
    const counts = isStructural ? intervention.attendance : intervention.participants.total;
    const goals = intervention.goals ?? [];
    const met = goals.filter((goal) => goal.status === 'met').length;
    const s = intervention.satisfaction;
    return el(
      'tr',
      { 'data-intervention': intervention.interventionId },
      el('th', { scope: 'row' }, intervention.name),
      el(
        'td',
        {},
        format.INTERVENTION_KINDS[intervention.kind] ?? intervention.kind,
        isStructural ? el('span', { class: 'note-mark', 'aria-hidden': 'true' }, ' *') : undefined,
      ),
      ...countCells(counts),
      el(
        'td',
        { class: 'num' },
        isStructural ? format.DASH : format.count(intervention.participants.exited.total),
      ),
      el(
        'td',
        { class: 'num' },
        isStructural || s.answered.total === 0
          ? format.DASH
          : format.countOf(s.satisfied.total, s.answered.total),
      ),
      el(
        'td',
        { class: 'num' },
        goals.length === 0 ? format.DASH : format.countOf(met, goals.length),
      ),
    );
  });
  const p = report.participants;
  const footer = el(
    'tr',
    {},
    el('th', { scope: 'row' }, 'Hela förbundet'),
    el('td', {}, 'Deltagare'),
    ...countCells(p.total),
    el('td', { class: 'num' }, format.count(p.exited.total)),
    el(
      'td',
      { class: 'num' },
      report.satisfaction.answered.total === 0
        ? format.DASH
        : format.countOf(report.satisfaction.satisfied.total, report.satisfaction.answered.total),
    ),
    el('td', { class: 'num' }, format.DASH),
  );
  view.interventions.replaceChildren(
    table({
      caption: `Deltagare per insats och kön ${report.year}`,
      id: 'interventions-table',
      columns: [
        { label: 'Insats' },
        { label: 'Typ' },
        { label: 'Kvinnor', numeric: true },
        { label: 'Män', numeric: true },
        { label: 'Annat', numeric: true },
        { label: 'Totalt', numeric: true },
        { label: 'Avslutade', numeric: true },
        { label: 'Nöjda', numeric: true },
        { label: 'Uppfyllda mål', numeric: true },
      ],
      rows,
      footer,
    }),
    structural
      ? el(
          'p',
          { class: 'hint' },
          '* Strukturinriktade insatser har inga inskrivna deltagare; för dem visas antal närvarande (huvudräkning).',
        )
      : undefined,
  );
}

function renderCharts(report) {
  view.charts.replaceChildren();
  const outcomes = Object.entries(format.OUTCOMES).map(([key, label]) => ({
    label,
    shortLabel: format.OUTCOME_SHORT[key],
    counts: report.outcomes[key] ?? { woman: 0, man: 0, other: 0, total: 0 },
  }));
  const exited = report.participants.exited.total;
  genderBarChart(view.charts, {
    id: 'chart-outcomes',
    title: 'Avslutsorsaker efter kön',
    categoryHeading: 'Avslutsorsak',
    description:
      exited === 0
        ? 'Inga avslut under året.'
        : `Avslutsorsaker för ${format.count(exited)} avslutade deltagare: ${outcomes
            .filter((row) => row.counts.total > 0)
            .map((row) => `${row.label} ${format.count(row.counts.total)}`)
            .join(', ')}.`,
    rows: outcomes,
  });

  // "Under 16" is shown only when someone is in it.
  const ages = Object.entries(format.AGE_GROUPS)
    .map(([key, label]) => ({ key, label, counts: report.ageGroups?.[key] }))
    .filter((row) => row.counts && (row.key !== 'under-16' || row.counts.total > 0));
  genderBarChart(view.charts, {
    id: 'chart-ages',
    title: 'Ålder vid inskrivning',
    categoryHeading: 'Åldersgrupp',
    description:
      report.participants.total.total === 0
        ? 'Inga inskrivna deltagare.'
        : `Deltagarnas ålder vid inskrivning, antal per åldersgrupp: ${ages
            .filter((row) => row.counts.total > 0)
            .map((row) => `${row.label}: ${format.count(row.counts.total)}`)
            .join(', ')}.`,
    rows: ages,
  });

  const individual = (report.interventions ?? []).filter((i) => i.kind === 'individual');
  if (individual.length > 0) {
    genderBarChart(view.charts, {
      id: 'chart-interventions',
      wide: true,
      title: 'Deltagare per insats efter kön',
      categoryHeading: 'Insats',
      description: `Deltagare per insats: ${individual
        .map((i) => `${i.name} ${format.count(i.participants.total.total)}`)
        .join(', ')}.`,
      rows: individual.map((i) => ({ label: i.name, counts: i.participants.total })),
    });
  }
}

function renderEmployment(report) {
  const status = report.employmentStatus;
  const exited = report.participants.exited.total;
  view.employmentBlock.hidden = !status || exited === 0;
  if (view.employmentBlock.hidden) {
    view.employment.replaceChildren();
    return;
  }
  const rows = Object.entries(format.EMPLOYMENT_STATUSES).map(([key, label]) => {
    const before = status.before[key]?.total ?? 0;
    const after = status.after[key]?.total ?? 0;
    return el(
      'tr',
      { 'data-status': key },
      el('th', { scope: 'row' }, label),
      el('td', { class: 'num' }, format.count(before)),
      el('td', { class: 'num' }, format.percentOf(before, exited)),
      el('td', { class: 'num' }, format.count(after)),
      el('td', { class: 'num' }, format.percentOf(after, exited)),
    );
  });
  view.employment.replaceChildren(
    table({
      caption: `Sysselsättning före och efter för de ${format.count(exited)} deltagare som avslutats ${report.year}`,
      id: 'employment-table',
      columns: [
        { label: 'Sysselsättning' },
        { label: 'Före, antal', numeric: true },
        { label: 'Före, andel', numeric: true },
        { label: 'Efter, antal', numeric: true },
        { label: 'Efter, andel', numeric: true },
      ],
      rows,
    }),
    el(
      'p',
      { class: 'hint' },
      'Före: försörjning vid inskrivningen. Efter: avslutsorsaken. Grupperat som i SUS.',
    ),
  );
}

function renderCompleteness(report) {
  const c = report.completeness;
  const row = (label, entry) =>
    el(
      'tr',
      {},
      el('th', { scope: 'row' }, label),
      el('td', { class: 'num' }, format.count(entry.count)),
      el('td', { class: 'num' }, format.percent(entry.share)),
    );
  view.completeness.replaceChildren(
    table({
      caption: `Hur komplett underlaget är för de ${format.count(c.exited)} deltagare som avslutats ${report.year}`,
      id: 'completeness-table',
      columns: [
        { label: 'Uppgift' },
        { label: 'Antal', numeric: true },
        { label: 'Andel av avslutade', numeric: true },
      ],
      rows: [
        row('Självskattning både vid start och avslut', c.startAndExitAssessment),
        row('Svar om nöjdhet', c.satisfactionAnswer),
        row('Minst två steg på stegtrappan', c.ladderSteps),
        row('Känd försörjning vid avslut', c.incomeSourceAtExitKnown),
      ],
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Wiring.

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
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved && signIn(saved)) {
  void load();
} else if (!saved) {
  showLogin('');
}
