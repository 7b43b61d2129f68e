import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../session/session';
import { useSession } from '../session/session-context';
import { Page } from './page';
import { SIGN_IN_PATH } from './pages';
import { ForbiddenPage } from './status-pages';
import { VocabularyGate } from './vocabulary-gate';

/** What the sign-in page is told when it is sent to: where to return, and why. */
export type SignInState = { readonly from?: string; readonly reason?: 'required' | 'expired' };

/**
 * A page only the given roles may open: nobody signed in goes to the sign-in page (and back
 * here afterwards); another role sees the 403 page. The page shows once the code labels are loaded.
 */
export function RequireRole({
  roles,
  children,
}: {
  readonly roles: readonly Role[];
  readonly children: ReactNode;
}) {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <Page title="Stegvis">
        <p role="status">Kontrollerar inloggningen …</p>
      </Page>
    );
  }
  if (state.status === 'signed-out') {
    const signInState: SignInState = {
      from: `${location.pathname}${location.search}`,
      reason: state.reason === 'expired' ? 'expired' : 'required',
    };
    // After signing out on purpose, start afresh rather than come back here.
    if (state.reason === 'signed-out') return <Navigate to={SIGN_IN_PATH} replace />;
    return <Navigate to={SIGN_IN_PATH} replace state={signInState} />;
  }
  if (!roles.includes(state.me.role)) return <ForbiddenPage />;
  return <VocabularyGate>{children}</VocabularyGate>;
}
