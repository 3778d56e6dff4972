import { createContext, useContext } from 'react';
import { useQuery } from '@apollo/client/react';
import { MeDocument, type MeQuery } from '../gql/graphql';

export type Me = MeQuery['me'];

/** The signed-in user; not asked for an account still awaiting placement, which the gateway refuses. */
export function useMe(skip = false) {
  const { data, loading, error } = useQuery(MeDocument, { skip });
  return { me: data?.me, loading, error };
}

export const MeContext = createContext<Me | null>(null);

export function useCurrentUser(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useCurrentUser outside MeContext');
  return me;
}
