import { useCallback, useState } from 'react';

/**
 * A warning before recording what usually is a mistake: the first submit shows it and sends
 * nothing; submitting again with the same warning standing goes ahead.
 */
export function useWarning() {
  const [shown, setShown] = useState<string | undefined>();
  /** True when the form may be sent: no warning, or the user has seen this one and goes ahead. */
  const accepted = useCallback(
    (warning: string | undefined) => {
      if (warning === undefined || warning === shown) {
        setShown(undefined);
        return true;
      }
      setShown(warning);
      return false;
    },
    [shown],
  );
  return { shown, accepted };
}

export function WarningNotice({ warning }: { readonly warning: string | undefined }) {
  if (warning === undefined) return null;
  return (
    <div className="notice notice--warning" role="alert">
      <p>
        <strong>Kontrollera innan du sparar.</strong> {warning}
      </p>
      <p>Stämmer det ändå? Tryck på ”Spara ändå”.</p>
    </div>
  );
}
