import { useEffect } from 'react';
import type { UserManager } from 'oidc-client-ts';

/** How often a pending account asks Keycloak for a fresh token (a refresh, no page load). */
export const PENDING_RECHECK_MS = 10_000;

/**
 * While the account is 待分配, renew the token now and then: the organization arrives on the server side (a
 * department administrator adds the colleague; org-service places a directory user a few seconds after their first
 * sign-in), and a renewed token carries it. The renewal fires userLoaded, the app re-renders with the new token and
 * the pending notice gives way to the app, without signing out and in again.
 */
export function useRecheckWhilePending(pending: boolean, userManager: UserManager, everyMs = PENDING_RECHECK_MS): void {
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setInterval(() => {
      void userManager.signinSilent().catch(() => null);
    }, everyMs);
    return () => clearInterval(timer);
  }, [pending, userManager, everyMs]);
}
