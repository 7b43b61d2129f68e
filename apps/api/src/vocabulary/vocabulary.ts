import {
  ageGroups,
  assessmentPhases,
  completenessFacts,
  employmentStatuses,
  GENDER_COLUMN_LABELS,
  goalStatuses,
  assignmentAims,
  educationLevels,
  erasureReasons,
  followUpMarks,
  followUpStatuses,
  genders,
  goalKinds,
  incomeSources,
  interventionKinds,
  outcomes,
  parties,
  progressionRules,
  referringParties,
  retractionReasons,
  supportDurations,
} from '@stegvis/domain';
import { z } from 'zod';
import { missingEntries, participantStatuses } from '../participants/participant-search';

const CodeList = z.array(z.object({ code: z.string(), label: z.string() }));

/**
 * GET /v1/vocabulary: every code list of libs/domain with its Swedish label, in the domain's
 * order, and the staff list's filter codes, so the web app and scripts read labels from one
 * source (DESIGN §5 v1.1).
 */
export const Vocabulary = z.object({
  genders: CodeList,
  parties: CodeList,
  referringParties: CodeList,
  incomeSources: CodeList,
  outcomes: CodeList,
  educationLevels: CodeList,
  supportDurations: CodeList,
  interventionKinds: CodeList,
  assessmentPhases: CodeList,
  retractionReasons: CodeList,
  erasureReasons: CodeList,
  assignmentAims: CodeList,
  followUpStatuses: CodeList,
  /** The months after exit a follow-up is made at: the code is the number of months. */
  followUpMarks: z.array(z.object({ code: z.number().int(), label: z.string() })),
  progressionRules: CodeList,
  goalKinds: CodeList,
  /** The staff list's filters (GET /v1/participants `status` and `missing`). */
  participantStatuses: CodeList,
  missingEntries: CodeList,
  /** The report's own categories: its rows, column headings and statuses. */
  ageGroups: CodeList,
  employmentStatuses: CodeList,
  goalStatuses: CodeList,
  /** The genders as column headings of counts (plural: "Kvinnor", "Män", "Annat"). */
  genderColumns: CodeList,
  completenessFacts: CodeList,
});
export type Vocabulary = z.infer<typeof Vocabulary>;

const listOf = (v: { keys: readonly string[]; labels: Readonly<Record<string, string>> }) =>
  v.keys.map((code) => ({ code, label: v.labels[code] ?? code }));

/** Built once: the vocabulary is code, it changes only with a release. */
export const VOCABULARY: Vocabulary = {
  genders: listOf(genders),
  parties: listOf(parties),
  referringParties: listOf(referringParties),
  incomeSources: listOf(incomeSources),
  outcomes: listOf(outcomes),
  educationLevels: listOf(educationLevels),
  supportDurations: listOf(supportDurations),
  interventionKinds: listOf(interventionKinds),
  assessmentPhases: listOf(assessmentPhases),
  retractionReasons: listOf(retractionReasons),
  erasureReasons: listOf(erasureReasons),
  assignmentAims: listOf(assignmentAims),
  followUpStatuses: listOf(followUpStatuses),
  followUpMarks: followUpMarks.keys.map((code) => ({
    code,
    label: followUpMarks.labels[code],
  })),
  progressionRules: listOf(progressionRules),
  goalKinds: listOf(goalKinds),
  participantStatuses: listOf(participantStatuses),
  missingEntries: listOf(missingEntries),
  ageGroups: listOf(ageGroups),
  employmentStatuses: listOf(employmentStatuses),
  goalStatuses: listOf(goalStatuses),
  genderColumns: listOf({ keys: genders.keys, labels: GENDER_COLUMN_LABELS }),
  completenessFacts: listOf(completenessFacts),
};
