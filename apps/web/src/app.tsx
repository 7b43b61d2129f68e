import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './frame/layout';
import { PAGES } from './frame/pages';
import { RequireRole } from './frame/require-role';
import { NotFoundPage } from './frame/status-pages';
import { AccountPage } from './pages/account-page';
import { ComingPage } from './pages/coming-page';
import { LoginPage } from './pages/login-page';
import { SessionProvider } from './session/session-context';

// The report (with Chart.js) and the export page load when first opened, so signing in is quick.
const ReportPage = lazy(() => import('./pages/report/report-page'));
const ExportPage = lazy(() => import('./pages/export/export-page'));

function Loading({ children }: { readonly children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <p className="status" role="status">
          Hämtar sidan …
        </p>
      }
    >
      {children}
    </Suspense>
  );
}

/** The web application's pages (DESIGN §8), each only for the roles named in PAGES. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route path="/logga-in" element={<LoginPage />} />
            <Route
              path={PAGES.report.path}
              element={
                <RequireRole roles={PAGES.report.roles}>
                  <Loading>
                    <ReportPage />
                  </Loading>
                </RequireRole>
              }
            />
            <Route
              path={PAGES.export.path}
              element={
                <RequireRole roles={PAGES.export.roles}>
                  <Loading>
                    <ExportPage />
                  </Loading>
                </RequireRole>
              }
            />
            <Route
              path={PAGES.account.path}
              element={
                <RequireRole roles={PAGES.account.roles}>
                  <AccountPage />
                </RequireRole>
              }
            />
            <Route
              path={`${PAGES.participants.path}/*`}
              element={
                <RequireRole roles={PAGES.participants.roles}>
                  <ComingPage
                    title="Deltagare"
                    what="Här kommer du att se deltagarna i dina insatser, skriva in nya och registrera deras skattningar, steg, nöjdhet och avslut."
                  />
                </RequireRole>
              }
            />
            <Route
              path={PAGES.settings.path}
              element={
                <RequireRole roles={PAGES.settings.roles}>
                  <ComingPage
                    title="Inställningar"
                    what="Här kommer förbundschefen att registrera insatser, sätta årets mål och hantera användare."
                  />
                </RequireRole>
              }
            />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
