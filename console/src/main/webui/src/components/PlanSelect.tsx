import { useState } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import { PlanOptionsDocument } from '../gql/graphql';
import { useSearchTerm } from './useSearchTerm';

/**
 * Picks a plan by typing part of its title or document number (the `plans` connection's search, so every plan can
 * be found however many there are); the value is the plan's id. Asks the server only once the list is opened.
 */
export function PlanSelect({
  value,
  onChange,
  placeholder,
}: {
  value?: string;
  onChange?: (id: string | undefined) => void;
  placeholder?: string;
}) {
  const [opened, setOpened] = useState(false);
  const [search, setTyped] = useSearchTerm();
  const { data, previousData, loading } = useQuery(PlanOptionsDocument, {
    variables: { search: search || undefined },
    skip: !opened,
  });
  const options = (data ?? previousData)?.plans.edges.map(({ node }) => ({ value: node.id, label: node.title }));
  return (
    <Select
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder={placeholder}
      loading={loading}
      options={options ?? []}
      onOpenChange={(open) => open && setOpened(true)}
      onChange={(id?: string) => onChange?.(id)}
      style={{ minWidth: 280 }}
      data-testid="plan-select"
    />
  );
}
