import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import * as session from './session';
import type { Me } from './session';

/** Why nobody is signed in: never signed in, signed out, or the server refused the session. */
export type SignedOutReason = 'none' | 'signed-out' | 'expired';

export type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'signed-out'; readonly reason: SignedOutReason }
  | { readonly status: 'signed-in'; readonly me: Me };

type SessionApi = {
  readonly state: SessionState;
  /** After a successful sign-in. */
  readonly signedIn: (me: Me) => void;
  readonly signOut: () => Promise<void>;
  /** The API answered 401: the session is over. */
  readonly expired: () => void;
};

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    let current = true;
    void session.me().then((me) => {
      if (current)
        setState(me ? { status: 'signed-in', me } : { status: 'signed-out', reason: 'none' });
    });
    return () => {
      current = false;
    };
  }, []);

  const signedIn = useCallback((me: Me) => setState({ status: 'signed-in', me }), []);
  const signOut = useCallback(async () => {
    await session.signOut();
    setState({ status: 'signed-out', reason: 'signed-out' });
  }, []);
  const expired = useCallback(() => {
    void session.signOut();
    setState({ status: 'signed-out', reason: 'expired' });
  }, []);

  const value = useMemo(
    () => ({ state, signedIn, signOut, expired }),
    [state, signedIn, signOut, expired],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (value === null) throw new Error('useSession outside SessionProvider');
  return value;
}

/** The signed-in user; only for pages behind RequireRole. */
export function useMe(): Me {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useMe without a signed-in user');
  return state.me;
}
