import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { OrganizationOptionsDocument } from '../gql/graphql';
import { useSearchTerm } from './useSearchTerm';

/**
 * Picks an organization by typing part of its name, short name, alias or code (the `organizations` connection's
 * search); the value is the organization's code. Asks the server only once the list is opened.
 */
export function OrganizationSelect({
  value,
  onChange,
  placeholder,
  id,
}: {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  id?: string;
}) {
  const [opened, setOpened] = useState(false);
  const [search, setTyped] = useSearchTerm();
  const { data, previousData, loading } = useQuery(OrganizationOptionsDocument, {
    variables: { search: search || undefined },
    skip: !opened,
  });
  const options = (data ?? previousData)?.organizations.edges.map(({ node }) => ({
    value: node.code,
    label: node.name,
  }));
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder={placeholder}
      loading={loading}
      options={options ?? []}
      onOpenChange={(open) => open && setOpened(true)}
      onChange={(code?: string) => onChange?.(code)}
      data-testid="organization-select"
    />
  );
}
