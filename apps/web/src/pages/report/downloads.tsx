import { useState } from 'react';
import { fetchReportFile, type ReportSelection } from '../../api/reports';
import { saveFile } from '../../api/files';
import { ApiError } from '../../api/errors';
import { formMessage } from '../../forms/server-problem';
import { useSession } from '../../session/session-context';

const FORMATS = [
  { format: 'csv', button: 'Ladda ned CSV', name: 'CSV-filen' },
  { format: 'xlsx', button: 'Ladda ned Excel', name: 'Excel-filen' },
] as const;

/** The shown report as a file for Excel: what the page shows, in the exports' tables. */
export function Downloads({ selection }: { readonly selection: ReportSelection }) {
  const { expired } = useSession();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const download = async (format: (typeof FORMATS)[number]) => {
    if (busy) return;
    setBusy(true);
    setMessage({ text: `Förbereder ${format.name} …`, error: false });
    try {
      saveFile(await fetchReportFile(selection, format.format));
      setMessage({
        text: `${format.name.replace(/^./, (c) => c.toUpperCase())} är nedladdad.`,
        error: false,
      });
    } catch (error) {
      if (error instanceof ApiError && error.kind === 'unauthenticated') return expired();
      setMessage({ text: formMessage(error), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="downloads">
      {FORMATS.map((format) => (
        <button
          key={format.format}
          type="button"
          className="button button--quiet"
          aria-disabled={busy || undefined}
          onClick={() => void download(format)}
        >
          {format.button}
        </button>
      ))}
      <p
        className={
          message?.error ? 'downloads__message notice notice--error' : 'downloads__message'
        }
        role="status"
      >
        {message?.text ?? ''}
      </p>
    </div>
  );
}
