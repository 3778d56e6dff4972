import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Tabs, Tag, Tree, Typography } from 'antd';
import { SendOutlined } from '@ant-design/icons';
import type { DataNode } from 'antd/es/tree';
import { useMutation, useQuery } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { IndicatorsDocument, PlanDocument, PublishPlanDocument, type PlanQuery } from '../gql/graphql';
import { formatDate, formatNumber } from '../format';
import { ProblemAlert } from '../components/ProblemAlert';
import { TaskTable } from '../components/TaskTable';
import { IndicatorTable } from '../components/IndicatorTable';
import { LedgerButton } from '../components/LedgerButton';
import { useCurrentUser } from '../auth/me';
import { canManagePlan } from '../auth/permissions';

type Plan = NonNullable<PlanQuery['plan']>;
interface SectionLike {
  id: string;
  number?: string | null;
  heading: string;
  tasks?: readonly { id: string }[] | null;
  children?: readonly SectionLike[] | null;
}

function toTree(sections: readonly SectionLike[]): DataNode[] {
  return sections.map((s) => ({
    key: s.id,
    title: `${s.number ?? ''} ${s.heading}`.trim(),
    children: toTree(s.children ?? []),
  }));
}

function taskIdsUnder(section: SectionLike): string[] {
  return [...(section.tasks ?? []).map((t) => t.id), ...(section.children ?? []).flatMap(taskIdsUnder)];
}

function findSection(sections: readonly SectionLike[], id: string): SectionLike | undefined {
  for (const s of sections) {
    if (s.id === id) return s;
    const found = findSection(s.children ?? [], id);
    if (found) return found;
  }
  return undefined;
}

/** A plan: its particulars, the outline tree, and the tasks of the chosen section (all by default). */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [section, setSection] = useState<string | null>(null);
  const { message } = App.useApp();
  const me = useCurrentUser();
  const { data, loading, error } = useQuery(PlanDocument, { variables: { id } });
  // The answer's status updates the cached plan, so the tag changes without a reload.
  const [publishPlan, { loading: publishing, error: publishError, reset: clearPublishError }] = useMutation(PublishPlanDocument);
  const plan: Plan | null | undefined = data?.plan;
  const tasks = useMemo(() => {
    const all = plan?.tasks.edges.map((e) => e.node) ?? [];
    if (!plan || !section) return all;
    const chosen = findSection(plan.outline, section);
    const ids = new Set(chosen ? taskIdsUnder(chosen) : []);
    return all.filter((task) => ids.has(task.id));
  }, [plan, section]);

  if (loading && !data) return <Card loading />;
  if (!plan) return error ? <ProblemAlert error={error} /> : null;
  const taskCard = (
    <Card title={t('plans.tasksOf')}>
      <TaskTable tasks={tasks} showPlan={false} />
    </Card>
  );
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {publishError ? <ProblemAlert error={publishError} onClose={clearPublishError} /> : null}
      <Card
        title={<span data-testid="plan-title">{plan.title}</span>}
        extra={
          <Space>
            <Tag color={plan.status === 'PUBLISHED' ? 'green' : undefined} data-testid="plan-status" data-status={plan.status}>
              {t(`planStatus.${plan.status}`, { defaultValue: plan.status })}
            </Tag>
            {plan.status === 'DRAFT' && canManagePlan(me, plan) ? (
              <Popconfirm
                title={t('plans.publishTitle')}
                description={<div style={{ maxWidth: 320 }}>{t('plans.publishBody')}</div>}
                okText={t('plans.publish')}
                cancelText={t('report.cancel')}
                onConfirm={() =>
                  publishPlan({ variables: { id: plan.id } })
                    .then(() => message.success(t('plans.published')))
                    // a refusal is shown above the card, from the mutation's error
                    .catch(() => undefined)
                }
              >
                <Button type="primary" icon={<SendOutlined />} loading={publishing} data-testid="plan-publish">
                  {t('plans.publish')}
                </Button>
              </Popconfirm>
            ) : null}
            <LedgerButton path={`/ledger/plans/${plan.id}.xlsx`} />
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('plans.docNumber')}>{plan.docNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('plans.issuer')}>{plan.issuer?.name}</Descriptions.Item>
          <Descriptions.Item label={t('plans.issuedOn')}>{formatDate(plan.issuedOn)}</Descriptions.Item>
          <Descriptions.Item label={t('plans.kind')}>{t(`planKind.${plan.kind}`, { defaultValue: plan.kind })}</Descriptions.Item>
          <Descriptions.Item label={t('plans.period')}>
            {plan.periodStart || plan.periodEnd ? t('plans.years', { start: plan.periodStart ?? '', end: plan.periodEnd ?? '' }) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('plans.tasks')}>{formatNumber(plan.tasks.totalCount)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card>
        <Tabs
          items={[
            {
              key: 'tasks',
              label: t('indicators.tasksTab'),
              // A plan entered by hand or imported without headings has no outline: its tasks take the whole width.
              children: plan.outline.length === 0 ? (
                taskCard
              ) : (
                <Row gutter={16}>
                  <Col xs={24} lg={6}>
                    <Card title={t('plans.outline')} data-testid="plan-outline">
                      <Typography.Link onClick={() => setSection(null)}>{t('plans.allSections')}</Typography.Link>
                      <Tree
                        defaultExpandAll
                        selectedKeys={section ? [section] : []}
                        treeData={toTree(plan.outline)}
                        onSelect={(keys) => setSection((keys[0] as string | undefined) ?? null)}
                      />
                    </Card>
                  </Col>
                  <Col xs={24} lg={18}>
                    {taskCard}
                  </Col>
                </Row>
              ),
            },
            { key: 'indicators', label: <span data-testid="plan-indicators-tab">{t('indicators.tab')}</span>, children: <PlanIndicators planId={plan.id} /> },
          ]}
        />
      </Card>
    </Space>
  );
}

/** 指标 of a plan, in the order the plan lists them (a plan sets a few dozen at most). */
function PlanIndicators({ planId }: { planId: string }) {
  const { data, loading, error } = useQuery(IndicatorsDocument, { variables: { planId, first: 500 }, fetchPolicy: 'cache-and-network' });
  return (
    <>
      {error ? <ProblemAlert error={error} /> : null}
      <IndicatorTable indicators={data?.indicators.edges.map((e) => e.node) ?? []} showPlan={false} loading={loading && !data} />
    </>
  );
}
