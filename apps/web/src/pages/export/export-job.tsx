import { useEffect, useState } from 'react';
import { ApiError } from '../../api/errors';
import { exportFile, exportStatus } from '../../api/exports';
import { saveFile } from '../../api/files';
import type { ExportStatus } from '../../api/exports';
import { clock } from '../../format';
import { formMessage } from '../../forms/server-problem';
import { useSession } from '../../session/session-context';
import type { StartedExport } from './export-history';

const POLL_MS = 1000;

/** The job's state in words. */
function stateText(status: ExportStatus | undefined, unreachable: boolean): string {
  if (unreachable) return 'Servern svarar inte. Stegvis försöker igen …';
  if (!status) return 'Hämtar status …';
  switch (status.state) {
    case 'waiting':
      return 'Väntar på att starta';
    case 'active':
      return `Pågår: ${status.progress} %`;
    case 'completed':
      return 'Klar';
    case 'failed':
      return `Misslyckades: ${status.error ?? 'okänt fel'}. Starta exporten igen.`;
  }
}

const finished = (status: ExportStatus | undefined) =>
  status?.state === 'completed' || status?.state === 'failed';

/**
 * One export: its progress, followed live until it is done, and its file. `onFinished` tells
 * the page's live region, so a screen reader hears when the file is ready.
 */
export function ExportJob({
  job,
  startedHere,
  onFinished,
}: {
  readonly job: StartedExport;
  /** Started on this page just now (not listed from earlier): its end is news. */
  readonly startedHere: boolean;
  readonly onFinished: (message: string) => void;
}) {
  const { expired } = useSession();
  const [status, setStatus] = useState<ExportStatus>();
  const [unreachable, setUnreachable] = useState(false);
  const [downloadError, setDownloadError] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seenRunning = startedHere;
    const poll = async () => {
      try {
        const next = await exportStatus(job.jobId, controller.signal);
        setStatus(next);
        setUnreachable(false);
        if (next.state === 'completed' || next.state === 'failed') {
          // Announce only what finished while the page was watching.
          if (seenRunning) {
            onFinished(
              next.state === 'completed'
                ? `Exporten ${job.description} är klar att ladda ned.`
                : `Exporten ${job.description} misslyckades.`,
            );
          }
          return;
        }
        seenRunning = true;
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.kind === 'unauthenticated') return expired();
        if (error instanceof ApiError && error.kind === 'unreachable') setUnreachable(true);
        else return setDownloadError(formMessage(error));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [job.jobId, job.description, startedHere, expired, onFinished]);

  const download = async () => {
    setDownloadError(undefined);
    try {
      saveFile(
        await exportFile(job.jobId, status?.file?.fileName ?? `stegvis-export-${job.jobId}`),
      );
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthenticated') return expired();
      setDownloadError(formMessage(error));
    }
  };

  const progress = status?.state === 'completed' ? 100 : (status?.progress ?? 0);
  return (
    <li className={`job job--${status?.state ?? 'unknown'}`} data-job={job.jobId}>
      <div className="job__what">
        <h3 className="job__title">{job.description}</h3>
        <p className="hint">Startad {clock(new Date(job.startedAt))}</p>
      </div>
      <div className="job__progress">
        <progress
          max={100}
          value={finished(status) || status ? progress : undefined}
          aria-label={`Förlopp för ${job.description}`}
        />
        <p className="job__state">{stateText(status, unreachable)}</p>
      </div>
      <div className="job__actions">
        {status?.state === 'completed' ? (
          <button type="button" className="button" onClick={() => void download()}>
            Ladda ned <span className="visually-hidden">{job.description}</span>
          </button>
        ) : null}
        {downloadError ? (
          <p className="notice notice--error" role="alert">
            {downloadError}
          </p>
        ) : null}
      </div>
    </li>
  );
}
