import { useState } from 'react';

/** Copies `text` to the clipboard and says so; where the browser refuses, says how instead. */
export function CopyButton({ text, label }: { readonly text: string; readonly label: string }) {
  const [said, setSaid] = useState('');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setSaid(`${text} är kopierad.`);
    } catch {
      setSaid('Det gick inte att kopiera här: markera pseudonymen och kopiera den med Ctrl+C.');
    }
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void copy()}>
        {label}
      </button>
      <span className="copy-status" role="status">
        {said}
      </span>
    </>
  );
}
