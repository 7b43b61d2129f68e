// The exports started in this browser session. The API has no list of a user's exports, so
// the page remembers the job ids in sessionStorage (closing the tab forgets them).

export type StartedExport = {
  readonly jobId: string;
  /** "Excel, 2025, för publicering, Resurslotsen" */
  readonly description: string;
  readonly startedAt: string;
};

const KEY = 'stegvis.exports';

function isStarted(value: unknown): value is StartedExport {
  if (typeof value !== 'object' || value === null) return false;
  const { jobId, description, startedAt } = value as Record<string, unknown>;
  return (
    typeof jobId === 'string' && typeof description === 'string' && typeof startedAt === 'string'
  );
}

export function startedExports(): StartedExport[] {
  try {
    const stored: unknown = JSON.parse(sessionStorage.getItem(KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter(isStarted) : [];
  } catch {
    return [];
  }
}

/** Remembers a new export first in the list; answers the new list. */
export function rememberExport(started: StartedExport): StartedExport[] {
  const list = [started, ...startedExports().filter((e) => e.jobId !== started.jobId)].slice(0, 50);
  sessionStorage.setItem(KEY, JSON.stringify(list));
  return list;
}
