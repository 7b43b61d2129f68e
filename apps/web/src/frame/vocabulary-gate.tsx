import { useState, type ReactNode } from 'react';
import { api, send } from '../api/client';
import { takeVocabulary } from '../labels';
import { useLoad } from '../use-load';
import { ApiErrorView } from './api-error-view';
import { Page } from './page';

/**
 * GET /v1/vocabulary, asked once per page load and kept for the session: the labels change only
 * with a release. A failed answer is forgotten, so "Försök igen" asks again.
 */
let vocabulary: Promise<true> | undefined;
let loaded = false;

function loadVocabulary(): Promise<true> {
  vocabulary ??= send(api.GET('/v1/vocabulary')).then(
    (served) => {
      takeVocabulary(served);
      loaded = true;
      return true as const;
    },
    (error: unknown) => {
      vocabulary = undefined;
      throw error;
    },
  );
  return vocabulary;
}

/** A signed-in page, shown once the labels of its codes are here. */
export function VocabularyGate({ children }: { readonly children: ReactNode }) {
  // Already loaded (an earlier page of the session): show the page at once, without a flash.
  const [ready] = useState(loaded);
  if (ready) return children;
  return <Waiting>{children}</Waiting>;
}

function Waiting({ children }: { readonly children: ReactNode }) {
  const { state, reload } = useLoad('vocabulary', loadVocabulary);
  if (state.status === 'ready') return children;
  if (state.status === 'failed') return <ApiErrorView error={state.error} onRetry={reload} />;
  return (
    <Page title="Stegvis">
      <p className="status" role="status">
        Hämtar sidan …
      </p>
    </Page>
  );
}
