import { PlanOptionsDocument } from '../gql/graphql';
import { RemoteSelect } from './RemoteSelect';

/** Picks a plan by typing part of its title or document number; the value is the plan's id. */
export function PlanSelect(props: { value?: string; onChange?: (id: string | undefined) => void; placeholder?: string }) {
  return (
    <RemoteSelect
      {...props}
      query={PlanOptionsDocument}
      toOptions={(data) => data.plans.edges.map(({ node }) => ({ value: node.id, label: node.title }))}
      style={{ minWidth: 280 }}
      testId="plan-select"
    />
  );
}
