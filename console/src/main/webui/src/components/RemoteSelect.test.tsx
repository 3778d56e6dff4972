import { describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { PlanOptionsDocument, type PlanOptionsQuery } from '../gql/graphql';
import { PlanSelect } from './PlanSelect';

type Mock = MockLink.MockedResponse<PlanOptionsQuery>;

const answer = (titles: string[]): Mock['result'] => ({
  data: {
    plans: {
      __typename: 'PlanConnection',
      edges: titles.map((title, i) => ({
        __typename: 'PlanEdge',
        node: { __typename: 'Plan', id: `p${i}-${title}`, title },
      })),
    },
  },
});

/** Answers every plans search, recording the search terms the server was asked for. */
function plansMock(asked: (string | undefined)[]): Mock {
  return {
    request: {
      query: PlanOptionsDocument,
      variables: (vars: Record<string, unknown>) => {
        asked.push(vars.search as string | undefined);
        return true;
      },
    },
    maxUsageCount: Number.POSITIVE_INFINITY,
    result: (vars: Record<string, unknown>) =>
      answer(vars.search ? [`${vars.search}三年行动方案`] : ['城市更新行动方案', '老旧小区改造方案'])!,
  } as Mock;
}

describe('RemoteSelect (as the plan picker)', () => {
  it('asks the server only once opened, then for what was typed, and offers its answer', async () => {
    const asked: (string | undefined)[] = [];
    const user = userEvent.setup({ delay: null });
    let picked: string | undefined;
    render(
      <MockedProvider mocks={[plansMock(asked)]}>
        <PlanSelect placeholder="选择规划" onChange={(id) => (picked = id)} />
      </MockedProvider>,
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(asked).toEqual([]);

    await user.click(screen.getByRole('combobox'));
    expect(await screen.findByText('老旧小区改造方案')).toBeTruthy();
    expect(asked).toEqual([undefined]);

    await user.type(screen.getByRole('combobox'), '住建');
    expect(await screen.findByText('住建三年行动方案', {}, { timeout: 2000 })).toBeTruthy();
    await waitFor(() => expect(asked).toContain('住建'));
    expect(asked.filter((a) => a !== undefined)).toEqual(['住建']); // one request per typing pause, not per key

    await user.click(screen.getByText('住建三年行动方案'));
    expect(picked).toBe('p0-住建三年行动方案');
  });
});
