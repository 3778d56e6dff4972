import { useState } from 'react';
import { App, Button, Card, Checkbox, Col, DatePicker, Empty, Input, List, Modal, Result, Row, Space, Spin, Tag, Tree, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  CreateOrganizationDocument,
  DeactivateOrganizationDocument,
  OrganizationDetailDocument,
  OrganizationSearchDocument,
  RecordSuccessionDocument,
  UpdateOrganizationDocument,
} from '../gql/graphql';
import { useCurrentUser } from '../auth/me';
import { canManageOrganizations } from '../auth/permissions';
import { ProblemAlert } from '../components/ProblemAlert';
import { useCursorPages } from '../components/CursorPager';
import { CreateOrganizationForm, RenameOrganizationForm, SuccessionForm } from './OrganizationForms';
import { OrganizationDetail, type OrgAction, type OrgDetail } from './OrganizationDetail';
import { StaffPanel } from './StaffPanel';
import { useOrganizationTree } from './useOrganizationTree';

const SEARCH_PAGE = 20;

/** 组织机构 (admin): the tree and search on the left, the chosen organization on the right, and the admin writes. */
export function OrganizationsPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!canManageOrganizations(me)) return <Result status="403" title={t('org.forbidden')} />;
  return <OrganizationsAdmin />;
}

function OrganizationsAdmin() {
  const me = useCurrentUser();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const select = (id: string) => setParams({ id });
  const [includeReplaced, setIncludeReplaced] = useState(false);
  const [search, setSearch] = useState<string | undefined>();
  const [action, setAction] = useState<OrgAction | 'create' | null>(null);
  const tree = useOrganizationTree(includeReplaced);
  const [expanded, setExpanded] = useState<React.Key[]>([]);
  const detail = useQuery(OrganizationDetailDocument, { variables: { id: selectedId ?? '' }, skip: !selectedId, fetchPolicy: 'cache-and-network' });
  const org = detail.data?.organization;

  return (
    <Row gutter={16}>
      <Col xs={24} lg={9}>
        <Card
          title={t('org.title')}
          extra={<Button icon={<PlusOutlined />} onClick={() => setAction('create')}>{t('org.create')}</Button>}
        >
          <Space direction="vertical" style={{ width: '100%' }}>
            <Input.Search
              allowClear
              placeholder={t('org.search')}
              onSearch={(v) => setSearch(v.trim() || undefined)}
            />
            <Checkbox checked={includeReplaced} onChange={(e) => setIncludeReplaced(e.target.checked)}>{t('org.includeReplaced')}</Checkbox>
            {search ? (
              <SearchResults search={search} includeReplaced={includeReplaced} selectedId={selectedId} onSelect={select} onClear={() => setSearch(undefined)} />
            ) : tree.error ? (
              <ProblemAlert error={tree.error} />
            ) : tree.loading ? (
              <Spin />
            ) : (
              <Tree
                data-testid="org-tree"
                treeData={tree.treeData}
                loadData={tree.loadData}
                expandedKeys={expanded}
                onExpand={setExpanded}
                selectedKeys={selectedId ? [selectedId] : []}
                onSelect={(keys) => keys[0] && select(String(keys[0]))}
              />
            )}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {detail.error && !org ? <ProblemAlert error={detail.error} /> : null}
        {org ? (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <OrganizationDetail org={org} onOpen={select} onAction={setAction} />
            {org.kind !== 'COLLECTIVE' ? <StaffPanel key={org.id} org={org} person={me} /> : null}
          </Space>
        ) : selectedId && detail.loading ? (
          <Card loading />
        ) : (
          <Card><Empty description={t('org.pick')} /></Card>
        )}
      </Col>
      <Writes
        action={action}
        org={org ?? null}
        close={() => setAction(null)}
        onCreated={async (created, parent) => {
          await tree.reload(parent);
          if (parent) setExpanded((keys) => (keys.includes(parent.id) ? keys : [...keys, parent.id]));
          select(created.id);
        }}
        onChanged={(changed) => {
          tree.update(changed);
          void detail.refetch();
        }}
        onStale={() => void detail.refetch()}
      />
    </Row>
  );
}

/** Search by name, short name, alias, code or a former name (国土资源厅 finds 自然资源厅), a page at a time. */
function SearchResults({
  search,
  includeReplaced,
  selectedId,
  onSelect,
  onClear,
}: {
  search: string;
  includeReplaced: boolean;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const pages = useCursorPages(SEARCH_PAGE);
  const { data, previousData, loading, error } = useQuery(OrganizationSearchDocument, {
    variables: { search, includeReplaced, first: SEARCH_PAGE, after: pages.after },
  });
  const connection = (data ?? previousData)?.organizations;
  if (error) return <ProblemAlert error={error} />;
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }}>
        <Typography.Text type="secondary">{t('org.results', { count: connection?.totalCount ?? 0 })}</Typography.Text>
        <Typography.Link onClick={onClear}>{t('org.clearSearch')}</Typography.Link>
      </Space>
      <List
        data-testid="org-search-results"
        loading={loading && !connection}
        locale={{ emptyText: t('org.noResults') }}
        dataSource={connection?.edges.map((e) => e.node) ?? []}
        renderItem={(o) => (
          <List.Item
            key={o.id}
            onClick={() => onSelect(o.id)}
            style={{ cursor: 'pointer', background: o.id === selectedId ? '#e6f4ff' : undefined, paddingInline: 8 }}
          >
            <List.Item.Meta
              title={
                <Space>
                  {o.name}
                  {o.successor ? <Tag>{t('org.replaced')}</Tag> : o.validTo ? <Tag>{t('org.ended')}</Tag> : null}
                </Space>
              }
              description={[o.code, o.parent?.name, o.aliases.join('、')].filter(Boolean).join(' · ')}
            />
          </List.Item>
        )}
      />
      {connection && connection.totalCount > SEARCH_PAGE ? pages.pager(connection) : null}
    </>
  );
}

/** The dialogs of the admin writes on the chosen organization (or a new top-level one). */
function Writes({
  action,
  org,
  close,
  onCreated,
  onChanged,
  onStale,
}: {
  action: OrgAction | 'create' | null;
  org: OrgDetail | null;
  close: () => void;
  onCreated: (created: { id: string }, parent: { id: string; code: string } | null) => Promise<void>;
  onChanged: (changed: { id: string; code: string; name: string; kind: OrgDetail['kind']; validTo?: string | null; successor?: { id: string } | null }) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useApolloClient();
  const [create] = useMutation(CreateOrganizationDocument);
  const [update] = useMutation(UpdateOrganizationDocument);
  const [succeed] = useMutation(RecordSuccessionDocument);
  const [deactivate] = useMutation(DeactivateOrganizationDocument);
  const [endOn, setEndOn] = useState<Dayjs | null>(dayjs());
  const [deactivateError, setDeactivateError] = useState<unknown>(null);
  const parent = action === 'createChild' && org ? org : null;
  const titles = {
    create: t('org.create'),
    createChild: `${t('org.createChild')} · ${org?.name ?? ''}`,
    rename: `${t('org.rename')} · ${org?.name ?? ''}`,
    replace: `${t('org.replace')} · ${org?.name ?? ''}`,
    deactivate: t('org.deactivateTitle', { name: org?.name ?? '' }),
  };
  const search = async (term: string) => {
    const { data } = await client.query({ query: OrganizationSearchDocument, variables: { search: term, first: 20 } });
    return (data?.organizations.edges ?? []).map((e) => e.node).filter((o) => o.id !== org?.id);
  };
  return (
    <Modal
      open={action !== null && (action === 'create' || !!org)}
      title={action ? titles[action] : null}
      footer={null}
      onCancel={close}
      destroyOnHidden
      width={640}
    >
      {action === 'create' || action === 'createChild' ? (
        <CreateOrganizationForm
          parent={parent}
          onCancel={close}
          onSubmit={async (input) => {
            const { data } = await create({ variables: { input } });
            const created = data!.createOrganization;
            void message.success(t('org.created', { name: created.name }));
            close();
            const under = created.parent ? (parent?.id === created.parent.id ? parent : { id: created.parent.id, code: input.parentCode! }) : null;
            await onCreated(created, under);
          }}
        />
      ) : null}
      {action === 'rename' && org ? (
        <RenameOrganizationForm
          org={org}
          onCancel={close}
          onSubmit={async (input) => {
            try {
              const { data } = await update({ variables: { id: org.id, version: org.version, input } });
              void message.success(t('org.saved'));
              close();
              onChanged(data!.updateOrganization);
            } catch (e) {
              onStale();
              throw e;
            }
          }}
        />
      ) : null}
      {action === 'replace' && org ? (
        <SuccessionForm
          org={org}
          search={search}
          onCancel={close}
          onSubmit={async ({ successorCode, date }) => {
            const { data } = await succeed({ variables: { predecessorCode: org.code, successorCode, date } });
            void message.success(t('org.succeeded', { from: org.name, to: successorCode }));
            close();
            onChanged(data!.recordSuccession);
          }}
        />
      ) : null}
      {action === 'deactivate' && org ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          {deactivateError ? <ProblemAlert error={deactivateError} onClose={() => setDeactivateError(null)} /> : null}
          <Typography.Paragraph>{t('org.deactivateHint')}</Typography.Paragraph>
          <Space>
            {t('org.validTo')}
            <DatePicker value={endOn} onChange={setEndOn} />
          </Space>
          <Space>
            <Button
              danger
              type="primary"
              disabled={!endOn}
              onClick={async () => {
                setDeactivateError(null);
                try {
                  const { data } = await deactivate({ variables: { id: org.id, validTo: endOn!.format('YYYY-MM-DD') } });
                  void message.success(t('org.deactivated', { name: org.name }));
                  close();
                  onChanged(data!.deactivateOrganization);
                } catch (e) {
                  setDeactivateError(e);
                }
              }}
            >
              {t('org.deactivate')}
            </Button>
            <Button onClick={close}>{t('org.cancel')}</Button>
          </Space>
        </Space>
      ) : null}
    </Modal>
  );
}
