import { useCallback, useEffect, useMemo, useState } from 'react';
import { Tag } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useApolloClient } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { OrganizationLevelDocument, type OrgTreeNodeFragment } from '../gql/graphql';

const ROOT = '';

/** Every page of a connection (a level of the tree rarely has more than one page of 500). */
async function allPages<T>(page: (after?: string) => Promise<{ nodes: T[]; next?: string | null }>): Promise<T[]> {
  const out: T[] = [];
  let after: string | undefined;
  do {
    const { nodes, next } = await page(after);
    out.push(...nodes);
    after = next ?? undefined;
  } while (after);
  return out;
}

/**
 * The organization tree, loaded a level at a time: the roots first, each node's children when it is opened
 * (`organizations(parentCode:)`). Writes tell it what changed: `reload` a level after a create, `update` a node after
 * a rename or a reform.
 */
export function useOrganizationTree(includeReplaced: boolean) {
  const { t } = useTranslation();
  const client = useApolloClient();
  const [nodes, setNodes] = useState<Map<string, OrgTreeNodeFragment>>(new Map());
  const [children, setChildren] = useState<Map<string, string[]>>(new Map());
  const [error, setError] = useState<unknown>(null);

  const setLevel = useCallback((parentId: string, level: OrgTreeNodeFragment[]) => {
    setNodes((prev) => new Map([...prev, ...level.map((o) => [o.id, o] as const)]));
    setChildren((prev) => new Map(prev).set(parentId, level.map((o) => o.id)));
  }, []);

  /** A level: the children of `parent`, or the tops of the tree (a province's 20,000 organizations are not read for them). */
  const loadLevel = useCallback(
    async (parent?: { id: string; code: string } | null) => {
      const all = await allPages(async (after) => {
        const { data } = await client.query({
          query: OrganizationLevelDocument,
          variables: { parentCode: parent?.code, roots: !parent, after, includeReplaced },
          fetchPolicy: 'network-only',
        });
        const c = data!.organizations;
        return { nodes: c.edges.map((e) => e.node), next: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null };
      });
      setLevel(parent?.id ?? ROOT, all);
    },
    [client, includeReplaced, setLevel],
  );

  useEffect(() => {
    setNodes(new Map());
    setChildren(new Map());
    setError(null);
    loadLevel().catch(setError);
  }, [loadLevel]);

  const treeData = useMemo(() => {
    const build = (parentId: string): DataNode[] =>
      (children.get(parentId) ?? []).flatMap((id) => {
        const o = nodes.get(id);
        if (!o) return [];
        const loaded = children.get(id);
        return [{
          key: o.id,
          title: (
            <span data-testid={`org-node-${o.code}`}>
              {o.name}
              {o.successor ? <Tag style={{ marginInlineStart: 6 }}>{t('org.replaced')}</Tag> : o.validTo ? <Tag style={{ marginInlineStart: 6 }}>{t('org.ended')}</Tag> : null}
            </span>
          ),
          isLeaf: loaded ? loaded.length === 0 : undefined,
          children: loaded ? build(id) : undefined,
        }];
      });
    return build(ROOT);
  }, [nodes, children, t]);

  return {
    treeData,
    error,
    loading: !children.has(ROOT) && !error,
    loaded: (id: string) => children.has(id),
    /** For antd Tree's loadData: a node's children, fetched once. */
    loadData: async (node: { key: React.Key }) => {
      const o = nodes.get(String(node.key));
      if (o && !children.has(o.id)) await loadLevel(o).catch(setError);
    },
    /** Fetches a level again (after a create under `parent`, or at the top when none). */
    reload: (parent?: { id: string; code: string } | null) => loadLevel(parent).catch(setError),
    update: (o: OrgTreeNodeFragment) => setNodes((prev) => (prev.has(o.id) ? new Map(prev).set(o.id, { ...prev.get(o.id)!, ...o }) : prev)),
  };
}
