import type { Role } from '../session/session';

/** A page of DESIGN §8 and who may open it; the navigation shows a role its pages. */
export type PageEntry = {
  readonly path: string;
  readonly label: string;
  readonly roles: readonly Role[];
};

export const PAGES = {
  participants: { path: '/deltagare', label: 'Deltagare', roles: ['staff', 'chief'] },
  report: { path: '/rapport', label: 'Rapport', roles: ['board', 'chief'] },
  export: { path: '/export', label: 'Export', roles: ['chief'] },
  settings: { path: '/installningar', label: 'Inställningar', roles: ['chief', 'admin'] },
  users: { path: '/installningar/anvandare', label: 'Användare', roles: ['chief', 'admin'] },
  account: { path: '/konto', label: 'Konto', roles: ['admin', 'chief', 'board', 'staff'] },
} as const satisfies Record<string, PageEntry>;

export const SIGN_IN_PATH = '/logga-in';

/** The navigation's links for a role, in menu order. */
export const pagesFor = (role: Role): PageEntry[] =>
  Object.values(PAGES).filter((page: PageEntry) => page.roles.includes(role));

/** Where a role lands after signing in. */
export function startPage(role: Role): string {
  switch (role) {
    case 'staff':
      return PAGES.participants.path;
    case 'admin':
      return PAGES.settings.path;
    case 'chief':
    case 'board':
      return PAGES.report.path;
  }
}
