import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { PersistedQueryLink } from '@apollo/client/link/persisted-queries';
import type { UserManager } from 'oidc-client-ts';
import { freshAccessToken } from '../auth/auth';
import { sha256 } from './sha256';

/**
 * The gateway's GraphQL endpoint with the caller's bearer token, automatic persisted queries (hashed queries go as
 * GET), and a normalized cache keyed by `__typename` + `id` (Apollo's default, which every entity here has).
 */
export function createApolloClient(graphqlUrl: string, userManager: UserManager) {
  const auth = new SetContextLink(async (previous) => {
    const token = await freshAccessToken(userManager);
    return { headers: { ...previous.headers, ...(token ? { Authorization: `Bearer ${token}` } : {}) } };
  });
  // 401: the session ended (expired refresh token, logout elsewhere): log in again and come back here.
  const unauthenticated = new ErrorLink(({ error }) => {
    if (ServerError.is(error) && error.statusCode === 401) {
      void userManager.signinRedirect({ state: { returnTo: window.location.pathname + window.location.search } });
    }
  });
  return new ApolloClient({
    cache: new InMemoryCache({
      typePolicies: {
        // Value objects without an id of their own live inside their owner.
        Deadline: { keyFields: false },
        OrgHealthCount: { keyFields: false },
      },
    }),
    link: ApolloLink.from([
      unauthenticated,
      auth,
      new PersistedQueryLink({ sha256, useGETForHashedQueries: true }),
      new HttpLink({ uri: graphqlUrl }),
    ]),
  });
}
