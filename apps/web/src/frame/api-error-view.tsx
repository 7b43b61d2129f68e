import { useEffect } from 'react';
import { ApiError } from '../api/errors';
import { useSession } from '../session/session-context';
import { ErrorPage, ForbiddenPage, NotFoundPage, UnreachablePage } from './status-pages';

/** A failed load shown as the page it calls for (a refused session goes to the sign-in page). */
export function ApiErrorView({
  error,
  onRetry,
}: {
  readonly error: unknown;
  readonly onRetry?: () => void;
}) {
  const { expired } = useSession();
  const unauthenticated = error instanceof ApiError && error.kind === 'unauthenticated';
  useEffect(() => {
    if (unauthenticated) expired();
  }, [unauthenticated, expired]);
  if (!(error instanceof ApiError)) return <ErrorPage onRetry={onRetry} />;
  switch (error.kind) {
    case 'unauthenticated':
      return null;
    case 'unreachable':
      return <UnreachablePage onRetry={onRetry} />;
    case 'forbidden':
      return <ForbiddenPage detail={error.detail} />;
    case 'not_found':
      return <NotFoundPage detail={error.detail} />;
    case 'unreadable':
      return (
        <ErrorPage
          detail="Svaret från servern gick inte att läsa. Försök igen."
          onRetry={onRetry}
        />
      );
    case 'problem':
      return <ErrorPage detail={error.detail} onRetry={onRetry} />;
  }
}
