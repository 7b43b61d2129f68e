import {
  ageGroups,
  educationLevels,
  incomeSources,
  referringParties,
  supportDurations,
} from '@stegvis/domain';
import { TEXTS } from './labels';
import { categorySheet, countColumns, keyColumns, SheetBuilder, type Scope } from './sheet-builder';
import { text, type ReportSheet } from './sheet.types';

const PARTICIPANT_ROWS = ['activeAtStart', 'enrolled', 'exited', 'activeAtEnd', 'total'] as const;

export function participantsSheet(scopes: readonly Scope[]): ReportSheet {
  const b = new SheetBuilder(
    'participants',
    [...keyColumns(TEXTS.participantsHeader), ...countColumns],
    scopes,
  );
  for (const scope of scopes) {
    for (const field of PARTICIPANT_ROWS) {
      b.countsRow(scope, `participants.${field}`, scope.tables.participants[field], {
        row: text(TEXTS.participantRows[field]),
      });
    }
    // Active at start + enrolled = total in the period = exited + active at the end.
    b.partition(
      scope,
      ['participants.activeAtStart', 'participants.enrolled'],
      'participants.total',
    );
    b.partition(scope, ['participants.exited', 'participants.activeAtEnd'], 'participants.total');
  }
  return b.build();
}

export function ageGroupsSheet(scopes: readonly Scope[]): ReportSheet {
  return categorySheet(
    scopes,
    'ageGroups',
    TEXTS.ageGroupHeader,
    ageGroups.labels,
    (t) => t.ageGroups,
    'participants.total',
  );
}

export function referringPartySheet(scopes: readonly Scope[]): ReportSheet {
  return categorySheet(
    scopes,
    'referringParty',
    TEXTS.referringPartyHeader,
    referringParties.labels,
    (t) => t.referringParty,
    'participants.total',
  );
}

export function incomeSourceAtStartSheet(scopes: readonly Scope[]): ReportSheet {
  return categorySheet(
    scopes,
    'incomeSourceAtStart',
    TEXTS.incomeSourceHeader,
    incomeSources.labels,
    (t) => t.incomeSourceAtStart,
    'participants.total',
  );
}

export function educationLevelSheet(scopes: readonly Scope[]): ReportSheet {
  return categorySheet(
    scopes,
    'educationLevel',
    TEXTS.educationLevelHeader,
    educationLevels.labels,
    (t) => t.educationLevel,
    'participants.total',
  );
}

export function supportDurationBeforeSheet(scopes: readonly Scope[]): ReportSheet {
  return categorySheet(
    scopes,
    'supportDurationBefore',
    TEXTS.supportDurationHeader,
    supportDurations.labels,
    (t) => t.supportDurationBefore,
    'participants.total',
  );
}
