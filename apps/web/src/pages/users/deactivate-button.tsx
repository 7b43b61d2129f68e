import { useEffect, useId, useRef, useState } from 'react';
import { formMessage } from '../../forms/server-problem';
import './deactivate-button.css';

/**
 * "Inaktivera" for one user, asked once more inline before it is done: deactivation signs the
 * person out at once and the page has no way back. Escape or "Avbryt" puts the question away.
 */
export function DeactivateButton({
  name,
  onDeactivate,
}: {
  /** Whose account: said in the button's name and in the question. */
  readonly name: string;
  readonly onDeactivate: () => Promise<unknown>;
}) {
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const question = useId();
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  // Focus follows the question: to its safe answer when it opens, back to the button after.
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (returnFocus.current) start.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  const putAway = () => {
    returnFocus.current = true;
    setAsking(false);
    setError(undefined);
  };

  const confirm = async () => {
    if (pending) return;
    setPending(true);
    setError(undefined);
    try {
      await onDeactivate();
    } catch (failure) {
      setError(formMessage(failure));
    } finally {
      setPending(false);
    }
  };

  if (!asking) {
    return (
      <button
        ref={start}
        type="button"
        className="button button--quiet"
        aria-label={`Inaktivera ${name}`}
        onClick={() => setAsking(true)}
      >
        Inaktivera
      </button>
    );
  }
  return (
    <div
      className="deactivate"
      role="group"
      aria-labelledby={question}
      onKeyDown={(event) => {
        if (event.key === 'Escape') putAway();
      }}
    >
      <p id={question}>
        Inaktivera {name}? {name} kan inte logga in längre, och det går inte att ångra här.
      </p>
      {error ? (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="deactivate__answers">
        <button
          type="button"
          className="button button--danger"
          aria-disabled={pending || undefined}
          onClick={() => void confirm()}
        >
          {pending ? 'Inaktiverar …' : 'Inaktivera'}
        </button>
        <button ref={cancel} type="button" className="button button--quiet" onClick={putAway}>
          Avbryt
        </button>
      </div>
    </div>
  );
}
