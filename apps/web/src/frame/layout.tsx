import { Link, NavLink, Outlet } from 'react-router';
import { ROLE_LABELS } from '../labels';
import { useSession } from '../session/session-context';
import { pagesFor, startPage, SIGN_IN_PATH } from './pages';
import { RouteFocus } from './route-focus';

/** The frame of every page: skip link, the Stegvis name, the role's navigation, the page. */
export function Layout() {
  const { state, signOut } = useSession();
  const me = state.status === 'signed-in' ? state.me : null;
  return (
    <>
      <a className="skip-link" href="#main">
        Hoppa till innehållet
      </a>
      <header className="site-header">
        <div className="wrap site-header__inner">
          <Link className="brand" to={me ? startPage(me.role) : SIGN_IN_PATH}>
            <span className="brand__name">Stegvis</span>
            <span className="brand__tagline">Uppföljning av insatser</span>
          </Link>
          {me ? (
            <div className="session">
              <span className="session__who">
                {me.name} <span className="session__role">({ROLE_LABELS[me.role]})</span>
              </span>
              <button type="button" className="button button--quiet" onClick={() => void signOut()}>
                Logga ut
              </button>
            </div>
          ) : null}
        </div>
        {me ? (
          <nav className="site-nav" aria-label="Huvudmeny">
            <ul className="wrap site-nav__list">
              {pagesFor(me.role).map((page, _, menu) => (
                <li key={page.path}>
                  <NavLink
                    to={page.path}
                    className="site-nav__link"
                    // Its own page only, where a more specific item of the menu lies below it.
                    end={menu.some((other) => other.path.startsWith(`${page.path}/`))}
                  >
                    {page.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        <RouteFocus />
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="wrap">
          Stegvis visar sammanställda uppgifter. Deltagare är anonyma och beskrivs bara med kön,
          födelseår och fasta kategorier.
        </div>
      </footer>
    </>
  );
}
