import { useState, type CSSProperties } from 'react';
import { Select } from 'antd';
import { useQuery } from '@apollo/client/react';
import type { TypedDocumentNode } from '@apollo/client';
import { useSearchTerm } from './useSearchTerm';

export interface RemoteOption {
  value: string;
  label: string;
}

/**
 * A select whose options come from a connection's server-side search, so every row can be found however many there
 * are: it asks only once opened, then once per typing pause, and keeps the last options while the next answer comes.
 */
export function RemoteSelect<TData, TVariables extends { search?: string | null }>({
  query,
  toOptions,
  value,
  onChange,
  placeholder,
  id,
  style,
  testId,
}: {
  query: TypedDocumentNode<TData, TVariables>;
  toOptions: (data: TData) => RemoteOption[];
  value?: string;
  onChange?: (value: string | undefined) => void;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
  testId?: string;
}) {
  const [opened, setOpened] = useState(false);
  const [search, setTyped] = useSearchTerm();
  const { data, previousData, loading } = useQuery(query, {
    variables: { search: search || undefined } as TVariables,
    skip: !opened,
  });
  const shown = (data ?? previousData) as TData | undefined;
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setTyped }}
      allowClear
      value={value}
      placeholder={placeholder}
      loading={loading}
      options={shown ? toOptions(shown) : []}
      onOpenChange={(open) => open && setOpened(true)}
      onChange={(picked?: string) => onChange?.(picked)}
      style={style}
      data-testid={testId}
    />
  );
}
