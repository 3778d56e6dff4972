import { createContext, useContext } from 'react';
import type { User, UserManager } from 'oidc-client-ts';

export interface Auth {
  user: User;
  userManager: UserManager;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthContext');
  return auth;
}
