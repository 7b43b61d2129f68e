import { Page } from '../frame/page';

/** A page of DESIGN §8 that a later version brings; its address already works. */
export function ComingPage({ title, what }: { readonly title: string; readonly what: string }) {
  return (
    <Page title={title}>
      <p>{what}</p>
      <p className="hint">Sidan finns inte ännu i den här versionen av Stegvis.</p>
    </Page>
  );
}
