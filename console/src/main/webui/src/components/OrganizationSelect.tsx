import { OrganizationOptionsDocument } from '../gql/graphql';
import { RemoteSelect } from './RemoteSelect';

/**
 * Picks an organization by typing part of its name, short name, alias or code; the value is the organization's code.
 */
export function OrganizationSelect(props: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  return (
    <RemoteSelect
      {...props}
      query={OrganizationOptionsDocument}
      toOptions={(data) => data.organizations.edges.map(({ node }) => ({ value: node.code, label: node.name }))}
      testId="organization-select"
    />
  );
}
