import { createContext, useContext } from 'react';
import type { User, UserManager } from 'oidc-client-ts';

export interface Auth {
  user: User;
  userManager: UserManager;
  /** The gateway's GraphQL URL; its other paths (the ledger downloads) sit beside it. */
  graphqlUrl: string;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthContext');
  return auth;
}
