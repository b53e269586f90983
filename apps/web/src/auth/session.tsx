import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { api, call, setApiToken, setUnauthenticatedHandler } from '../api/client';
import type { components } from '../api/schema';

export type SessionUser = components['schemas']['UserDto'];
export type Role = SessionUser['role'];

interface StoredSession {
  readonly token: string;
  readonly expiresAt: number;
  readonly user: SessionUser;
}

interface Session {
  readonly user: SessionUser | null;
  /** Set when the last session ended by itself (expired token), so the sign-in page can say so. */
  readonly expired: boolean;
  login(username: string, password: string): Promise<SessionUser>;
  logout(): void;
}

// localStorage so that a case opened in a new tab keeps the session; cleared on sign-out and on expiry.
const STORAGE_KEY = 'grassroots.session';

function readStored(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as StoredSession;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [stored, setStored] = useState<StoredSession | null>(() => {
    const s = readStored();
    setApiToken(s?.token ?? null);
    return s;
  });
  const [expired, setExpired] = useState(false);

  const end = useCallback(
    (byExpiry: boolean) => {
      localStorage.removeItem(STORAGE_KEY);
      setApiToken(null);
      setStored(null);
      setExpired(byExpiry);
      queryClient.clear();
    },
    [queryClient],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => end(true));
    if (!stored) return;
    const timer = setTimeout(() => end(true), Math.max(0, stored.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [stored, end]);

  const login = useCallback(async (username: string, password: string) => {
    const res = await call(() => api.POST('/api/auth/login', { body: { username, password } }));
    const s: StoredSession = { token: res.accessToken, expiresAt: Date.now() + res.expiresIn * 1000, user: res.user };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(s));
    setApiToken(s.token);
    setExpired(false);
    setStored(s);
    return s.user;
  }, []);

  const value = useMemo<Session>(() => ({ user: stored?.user ?? null, expired, login, logout: () => end(false) }), [stored, expired, login, end]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

/** The signed-in user; only for pages behind RequireAuth. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
