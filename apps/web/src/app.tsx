import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './frame/layout';
import { PAGES, type PageEntry } from './frame/pages';
import { RequireRole, ToStartPage } from './frame/require-role';
import { NotFoundPage } from './frame/status-pages';
import { AccountPage } from './pages/account/account-page';
import { InvitationPage } from './pages/invitation-page';
import { LoginPage } from './pages/login-page';
import { SetupPage } from './pages/setup-page';
import { UsersPage } from './pages/users/users-page';
import { SessionProvider } from './session/session-context';

// The report (with Chart.js) and the export page load when first opened, so signing in is quick.
const ReportPage = lazy(() => import('./pages/report/report-page'));
const ExportPage = lazy(() => import('./pages/export/export-page'));
const EnrolPage = lazy(() => import('./pages/participants/enrol-page'));
const ParticipantsPage = lazy(() => import('./pages/participants/participants-page'));
const AttendancePage = lazy(() => import('./pages/participants/attendance-page'));
const ParticipantPage = lazy(() => import('./pages/participants/participant-page'));
const SettingsPage = lazy(() => import('./pages/settings/settings-page'));

/** A page only its roles may open, loaded when first opened if it is lazy. */
function guarded(page: PageEntry, element: ReactNode, path: string = page.path) {
  return (
    <Route
      path={path}
      element={
        <RequireRole roles={page.roles}>
          <Suspense
            fallback={
              <p className="status" role="status">
                Hämtar sidan …
              </p>
            }
          >
            {element}
          </Suspense>
        </RequireRole>
      }
    />
  );
}

/** The web application's pages (DESIGN §8), each only for the roles named in PAGES. */
export function App() {
  return (
    <SessionProvider>
      <BrowserRouter>
        <Routes>
          <Route element={<Layout />}>
            <Route index element={<ToStartPage />} />
            <Route path="/logga-in" element={<LoginPage />} />
            <Route path="/konfigurera" element={<SetupPage />} />
            <Route path="/inbjudan" element={<InvitationPage />} />
            {guarded(PAGES.users, <UsersPage />)}
            {guarded(PAGES.report, <ReportPage />)}
            {guarded(PAGES.export, <ExportPage />)}
            {guarded(PAGES.account, <AccountPage />)}
            {guarded(PAGES.participants, <EnrolPage />, `${PAGES.participants.path}/ny`)}
            {guarded(PAGES.participants, <AttendancePage />, `${PAGES.participants.path}/narvaro`)}
            {guarded(PAGES.participants, <ParticipantPage />, `${PAGES.participants.path}/:pid`)}
            {guarded(PAGES.participants, <ParticipantsPage />)}
            {guarded(PAGES.settings, <SettingsPage />)}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </BrowserRouter>
    </SessionProvider>
  );
}
