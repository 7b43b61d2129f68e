import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ROLE_LABELS } from '../labels';
import type { Role } from '../session/session';
import { useSession } from '../session/session-context';
import { Page } from './page';
import { SIGN_IN_PATH, startPage } from './pages';
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
  if (state.status === 'loading') return <CheckingSignIn />;
  if (state.status === 'signed-out') {
    const signInState: SignInState = {
      from: `${location.pathname}${location.search}`,
      reason: state.reason === 'expired' ? 'expired' : 'required',
    };
    // After signing out on purpose, start afresh rather than come back here.
    if (state.reason === 'signed-out') return <Navigate to={SIGN_IN_PATH} replace />;
    return <Navigate to={SIGN_IN_PATH} replace state={signInState} />;
  }
  if (!roles.includes(state.me.role))
    return <ForbiddenPage detail={forbidden(roles, state.me.role)} />;
  return <VocabularyGate>{children}</VocabularyGate>;
}

/** `/`: a signed-in person's start page, anyone else the sign-in page. */
export function ToStartPage() {
  const { state } = useSession();
  if (state.status === 'loading') return <CheckingSignIn />;
  const to = state.status === 'signed-in' ? startPage(state.me.role) : SIGN_IN_PATH;
  return <Navigate to={to} replace />;
}

function CheckingSignIn() {
  return (
    <Page title="Stegvis">
      <p role="status">Kontrollerar inloggningen …</p>
    </Page>
  );
}

/** "Sidan är till för förbundschef och styrelseledamot. Du är inloggad som insatspersonal." */
function forbidden(roles: readonly Role[], role: Role): string {
  const names = roles.map((r) => ROLE_LABELS[r]);
  const last = names.pop() ?? '';
  const whom = names.length > 0 ? `${names.join(', ')} och ${last}` : last;
  return `Sidan är till för ${whom}. Du är inloggad som ${ROLE_LABELS[role]}.`;
}
