import { Button, Card, Descriptions, Empty, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationDetailQuery } from '../gql/graphql';
import { formatDate } from '../format';
import { HistoryTimeline } from '../components/HistoryTimeline';

export type OrgDetail = NonNullable<OrganizationDetailQuery['organization']>;
export type OrgAction = 'createChild' | 'rename' | 'replace' | 'deactivate';
type Ref = { id: string; code: string; name: string };

// Bookkeeping, not something an administrator acts on.
const HIDDEN_FIELDS = ['id', 'version'];

/** The audit keeps JSON values: `["国土厅"]` reads 国土厅, an organization id its name where the page knows it. */
function historyValue(names: Map<string, string>) {
  return (_field: string, value?: string | null): string => {
    if (value == null) return '—';
    let parsed: unknown = value;
    try {
      parsed = JSON.parse(value);
    } catch {
      // plain text
    }
    if (Array.isArray(parsed)) return parsed.join('、') || '—';
    const text = parsed == null ? '—' : String(parsed);
    return names.get(text) ?? text;
  };
}

/** One organization: what it is, where it sits, its reforms, a collective's members, and every change to it. */
export function OrganizationDetail({
  org,
  onOpen,
  onAction,
}: {
  org: OrgDetail;
  onOpen: (id: string) => void;
  onAction: (action: OrgAction) => void;
}) {
  const { t } = useTranslation();
  const link = (o: Ref) => (
    <Typography.Link key={o.id} onClick={() => onOpen(o.id)}>{o.name}</Typography.Link>
  );
  const known = [...org.ancestors, ...org.predecessors, ...org.members, ...(org.successor ? [org.successor] : [])];
  const names = new Map(known.map((o) => [o.id, o.name]));
  const ended = !!org.validTo || !!org.successor;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="org-name">{org.name}</span>
            <Tag color="blue">{t(`orgKind.${org.kind}`, { defaultValue: org.kind })}</Tag>
            {org.successor ? <Tag>{t('org.replaced')}</Tag> : org.validTo ? <Tag>{t('org.ended')}</Tag> : null}
          </Space>
        }
        extra={
          <Space wrap>
            <Button onClick={() => onAction('createChild')}>{t('org.createChild')}</Button>
            <Button data-testid="org-rename" onClick={() => onAction('rename')}>{t('org.rename')}</Button>
            <Button disabled={!!org.successor} onClick={() => onAction('replace')}>{t('org.replace')}</Button>
            <Button danger disabled={ended} onClick={() => onAction('deactivate')}>{t('org.deactivate')}</Button>
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 2 }} data-testid="org-detail">
          <Descriptions.Item label={t('org.code')}>{org.code}</Descriptions.Item>
          <Descriptions.Item label={t('org.shortName')}>{org.shortName ?? t('org.none')}</Descriptions.Item>
          <Descriptions.Item label={t('org.kind')}>{t(`orgKind.${org.kind}`, { defaultValue: org.kind })}</Descriptions.Item>
          <Descriptions.Item label={t('org.level')}>{org.level ? t(`adminLevel.${org.level}`) : t('org.none')}</Descriptions.Item>
          <Descriptions.Item label={t('org.aliases')} span={2}>
            <span data-testid="org-aliases">{org.aliases.length ? org.aliases.map((a) => <Tag key={a}>{a}</Tag>) : t('org.none')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('org.ancestors')} span={2}>
            {org.ancestors.length ? <Space separator="/">{org.ancestors.map(link)}</Space> : t('org.none')}
          </Descriptions.Item>
          {org.region ? <Descriptions.Item label={t('org.region')}>{org.region}</Descriptions.Item> : null}
          <Descriptions.Item label={t('org.validFrom')}>{formatDate(org.validFrom) || t('org.none')}</Descriptions.Item>
          <Descriptions.Item label={t('org.validTo')}>{formatDate(org.validTo) || t('org.none')}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('org.successions')} size="small">
        {org.predecessors.length || org.successor ? (
          <Descriptions size="small" column={1} data-testid="org-successions">
            <Descriptions.Item label={t('org.predecessors')}>
              {org.predecessors.length ? <Space wrap>{org.predecessors.map(link)}</Space> : t('org.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('org.successor')}>{org.successor ? link(org.successor) : t('org.none')}</Descriptions.Item>
          </Descriptions>
        ) : (
          <Typography.Text type="secondary">{t('org.noSuccessions')}</Typography.Text>
        )}
      </Card>
      {org.memberRule ? (
        <Card title={t('org.members')} size="small" data-testid="org-members">
          <Typography.Paragraph type="secondary">
            {t('org.memberRule')}：
            {t('org.memberRuleText', {
              under: org.memberRule.under.name,
              level: org.memberRule.level ? t(`adminLevel.${org.memberRule.level}`) : '',
              kind: t(`orgKind.${org.memberRule.kind}`),
            })}
          </Typography.Paragraph>
          {org.members.length ? <Space wrap>{org.members.map(link)}</Space> : <Empty description={t('org.noMembers')} />}
        </Card>
      ) : null}
      <Card title={t('org.history')} size="small">
        <HistoryTimeline
          entries={org.history}
          listed={(action, field) => action !== 'CREATE' && !HIDDEN_FIELDS.includes(field)}
          describe={historyValue(names)}
          empty={t('org.noHistory')}
          testId="org-history"
        />
      </Card>
    </Space>
  );
}
