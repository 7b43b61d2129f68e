// The web app's types are the browser's; its pure specs run under Jest.
/// <reference types="jest" />
import type { ListItem } from './participant-api';
import { missingText, searchOf, type Filters } from './participant-rows';

const item = (change: Partial<ListItem>): ListItem => ({
  participantId: 'D-4HX9QK2WMP',
  interventionId: 'I-4HX9QK2WMP',
  status: 'exited',
  enrolledOn: '2026-01-10',
  exitedOn: '2026-06-01',
  gender: 'woman',
  birthYear: 1990,
  referringParty: 'FK',
  hasStartAssessment: true,
  hasExitAssessment: true,
  hasSatisfaction: true,
  followUpsDue: [],
  lastChange: '12',
  ...change,
});
const noFilters: Filters = { interventionId: '', status: '', missing: '', search: '' };

describe('what the list says is missing', () => {
  it('names the follow-ups that are due among the rest', () => {
    expect(missingText(item({}))).toBe('Inget');
    expect(missingText(item({ followUpsDue: [3] }))).toBe(
      'Uppföljning väntar (3 månader efter avslut)',
    );
    expect(missingText(item({ hasSatisfaction: false, followUpsDue: [3, 6] }))).toBe(
      'Nöjdhetssvar, uppföljning väntar (3 och 6 månader efter avslut)',
    );
  });
});

describe("the list's query", () => {
  it('sends only the filters that are set, and no search while only "D-" is typed', () => {
    expect(searchOf(noFilters, { limit: 50 })).toEqual({ limit: '50' });
    expect(searchOf({ ...noFilters, search: ' d- ' }, { limit: 50 })).toEqual({ limit: '50' });
    expect(
      searchOf(
        { ...noFilters, status: 'exited', missing: 'followUp', search: '7k3' },
        {
          limit: 50,
          after: '99',
        },
      ),
    ).toEqual({ limit: '50', after: '99', status: 'exited', missing: 'followUp', q: '7k3' });
  });
});
