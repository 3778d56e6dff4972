import { UserManager, WebStorageStateStore, type User } from 'oidc-client-ts';
import type { RuntimeConfig } from './config';

export const CALLBACK_PATH = '/auth/callback';

/**
 * Authorization code + PKCE (S256, oidc-client-ts's default for `response_type=code`) against the planning realm.
 * Tokens stay in sessionStorage (one tab's session); the access token is renewed with the refresh token before it
 * expires (automaticSilentRenew), so a form being filled in does not lose its session.
 */
export function createUserManager(config: RuntimeConfig): UserManager {
  return new UserManager({
    authority: config.oidcIssuer,
    client_id: config.oidcClientId,
    redirect_uri: `${window.location.origin}${CALLBACK_PATH}`,
    post_logout_redirect_uri: `${window.location.origin}/`,
    response_type: 'code',
    scope: 'openid profile',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    ui_locales: 'zh-CN',
  });
}

interface ReturnState {
  returnTo: string;
}

/** Finishes a login coming back from Keycloak, or starts one; answers the signed-in user or null while redirecting. */
export async function signIn(userManager: UserManager): Promise<User | null> {
  if (window.location.pathname === CALLBACK_PATH) {
    const user = await userManager.signinRedirectCallback();
    const returnTo = (user.state as ReturnState | undefined)?.returnTo ?? '/';
    window.history.replaceState(null, '', returnTo);
    return user;
  }
  let user = await userManager.getUser();
  if (user && user.expired && user.refresh_token) {
    user = await userManager.signinSilent().catch(() => null);
  }
  if (user && !user.expired) return user;
  await userManager.signinRedirect({
    state: { returnTo: window.location.pathname + window.location.search } satisfies ReturnState,
  });
  return null;
}

/** A valid access token for the next request, renewed first when it is about to expire. */
export async function freshAccessToken(userManager: UserManager): Promise<string | undefined> {
  let user = await userManager.getUser();
  if (user && (user.expires_in ?? 0) < 30) {
    user = await userManager.signinSilent().catch(() => null);
  }
  return user?.access_token;
}
