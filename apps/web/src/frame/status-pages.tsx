import { Link } from 'react-router';
import { useSession } from '../session/session-context';
import { startPage } from './pages';
import { Page } from './page';

/** A link back to where the user belongs: their start page, or the sign-in page. */
function HomeLink() {
  const { state } = useSession();
  if (state.status !== 'signed-in') return <Link to="/logga-in">Gå till inloggningen</Link>;
  return <Link to={startPage(state.me.role)}>Gå till din startsida</Link>;
}

function RetryButton({ onRetry }: { readonly onRetry: (() => void) | undefined }) {
  if (!onRetry) return null;
  return (
    <p>
      <button type="button" className="button" onClick={onRetry}>
        Försök igen
      </button>
    </p>
  );
}

export function NotFoundPage({ detail }: { readonly detail?: string | undefined }) {
  return (
    <Page title="Sidan finns inte">
      <div className="status-page">
        <p>
          {detail ??
            'Det finns ingen sida på den här adressen. Kontrollera adressen, eller gå vidare härifrån:'}
        </p>
        <p>
          <HomeLink />
        </p>
      </div>
    </Page>
  );
}

export function ForbiddenPage({ detail }: { readonly detail?: string | undefined }) {
  return (
    <Page title="Du har inte behörighet">
      <div className="status-page">
        <p>{detail ?? 'Din roll ger inte tillgång till den här sidan.'}</p>
        <p>
          Behöver du den? Be förbundschefen om en annan roll. <HomeLink />
        </p>
      </div>
    </Page>
  );
}

export function UnreachablePage({ onRetry }: { readonly onRetry?: (() => void) | undefined }) {
  return (
    <Page title="Servern svarar inte">
      <div className="status-page">
        <p>
          Stegvis fick inget svar från servern. Kontrollera att datorn är ansluten till internet och
          försök igen om en stund. Svarar servern fortfarande inte, kontakta den som driver Stegvis
          hos er.
        </p>
        <RetryButton onRetry={onRetry} />
      </div>
    </Page>
  );
}

export function ErrorPage({
  detail,
  onRetry,
}: {
  readonly detail?: string | undefined;
  readonly onRetry?: (() => void) | undefined;
}) {
  return (
    <Page title="Något gick fel">
      <div className="status-page">
        <p>{detail ?? 'Sidan kunde inte visas. Ladda om sidan och försök igen.'}</p>
        <RetryButton onRetry={onRetry} />
      </div>
    </Page>
  );
}

export function LoadingPage({ title }: { readonly title: string }) {
  return (
    <Page title={title}>
      <p className="status" role="status">
        Hämtar …
      </p>
    </Page>
  );
}
