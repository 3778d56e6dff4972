import { useQuery } from '@apollo/client/react';
import { ApprovalCountDocument } from '../gql/graphql';
import type { Me } from '../auth/me';

const REVIEW_ROLES = ['admin', 'planner', 'reporter'];

/**
 * How many submitted reports wait for the user (the badge on 审核); 0 for a viewer, who reviews nothing. Apart from
 * the 审核 page, so that the menu does not pull that page into the first download.
 */
export function usePendingReviewCount(me: Me | undefined): number {
  const reviewer = !!me?.roles.some((r) => REVIEW_ROLES.includes(r));
  const { data } = useQuery(ApprovalCountDocument, { skip: !reviewer, fetchPolicy: 'cache-and-network' });
  return data?.approvalQueue.totalCount ?? 0;
}
