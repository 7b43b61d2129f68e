export * from './report.schema';
export * from './period';
export * from './compute-report';
export { ReportMemo } from './report-memo';
export { MIN_DENOMINATOR, participantCountBasis } from './goal-evaluation';
export { ageGroup } from './report-tables';
export { employmentAfter, employmentBefore } from './exited-tables';
export * from './report-request';
export { followUpsDue } from './participant-facts';
