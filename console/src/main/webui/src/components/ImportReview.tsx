import { Alert, Card, Checkbox, Descriptions, Flex, List, Table, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useTranslation } from 'react-i18next';
import type { ImportPlanDocumentMutation, ImportedSectionFieldsFragment } from '../gql/graphql';
import { formatDate, formatDeadline, formatNumber } from '../format';
import { OrgMatches, OrgMatchTag } from './OrgMatchTag';

export type PlanImportAnswer = ImportPlanDocumentMutation['importPlanDocument'];
type ImportedTask = PlanImportAnswer['tasks'][number];
type ImportedIndicator = PlanImportAnswer['indicators'][number];
type ImportedTable = PlanImportAnswer['regionalTables'][number];
type ImportedRow = ImportedTable['rows'][number];
type ProposedOrganization = PlanImportAnswer['proposedOrganizations'][number];
type SectionLike = ImportedSectionFieldsFragment & { children?: readonly SectionLike[] | null };

/**
 * Names a real import refuses to guess: every task's lead units and every table's regions must resolve — or be written
 * as a proposed organization ticked to be created (by its name in `accepted`).
 */
export function blockingNames(answer: PlanImportAnswer, accepted: readonly string[] = []): string[] {
  const created = new Set(answer.proposedOrganizations.filter((p) => accepted.includes(p.name)).flatMap((p) => p.inputs));
  const names = new Set<string>();
  answer.tasks.forEach((task) =>
    task.leadOrgs.filter((m) => !m.organization && !created.has(m.input)).forEach((m) => names.add(m.input)),
  );
  answer.regionalTables.forEach((table) => table.rows.filter((r) => !r.region).forEach((r) => names.add(r.regionName)));
  return [...names];
}

const tasksUnder = (s: SectionLike): number => s.taskCount + (s.children ?? []).reduce((n, c) => n + tasksUnder(c), 0);

/** The outline with, on each part that has sub-sections, how many tasks were read in it (a task's own item has one). */
function outlineTree(sections: readonly SectionLike[], tasksLabel: (count: number) => string, path = ''): DataNode[] {
  return sections.map((s, i) => ({
    key: `${path}${i}`,
    title: (
      <span>
        {`${s.number ?? ''} ${s.heading}`.trim()}
        {s.children?.length && tasksUnder(s) > 0 ? <Tag style={{ marginInlineStart: 8 }}>{tasksLabel(tasksUnder(s))}</Tag> : null}
      </span>
    ),
    children: outlineTree(s.children ?? [], tasksLabel, `${path}${i}-`),
  }));
}

/** Sum of each period column over the rows; null where no row has a number. */
function columnSums(table: ImportedTable): (number | null)[] {
  return table.periods.map((_, col) => {
    const values = table.rows.map((r) => r.values[col]).filter((v): v is number => v != null);
    return values.length ? values.reduce((a, b) => a + b, 0) : null;
  });
}

const differs = (a: number | null | undefined, b: number | null | undefined) =>
  a != null && b != null && Math.abs(a - b) > 1e-6 * Math.max(1, Math.abs(b));

function measure(value: number, year: number | null | undefined, unit: string | null | undefined, zh: boolean) {
  const amount = `${formatNumber(value)}${unit ?? ''}`;
  return year == null ? amount : zh ? `${amount}（${year}年）` : `${amount} (${year})`;
}

function RegionalTable({ table }: { table: ImportedTable }) {
  const { t } = useTranslation();
  const sums = columnSums(table);
  const mismatch = table.periods.map((_, col) => differs(sums[col], table.totals?.[col]));
  const red = (bad: boolean) => (bad ? { color: '#cf1322', fontWeight: 600 } : undefined);
  return (
    <Card
      size="small"
      type="inner"
      title={table.title}
      extra={table.unit ? t('import.unit', { unit: table.unit }) : null}
      data-testid="import-table"
      data-totals-match={String(table.totalsMatch)}
    >
      <Alert
        type={table.totalsMatch ? 'success' : 'error'}
        showIcon
        style={{ marginBottom: 8 }}
        title={table.totalsMatch ? t('import.totalsMatch') : t('import.totalsMismatch')}
      />
      <Table<ImportedRow>
        size="small"
        rowKey={(r) => r.regionName}
        pagination={false}
        dataSource={[...table.rows]}
        columns={[
          {
            title: t('import.region'),
            key: 'region',
            render: (_, row) => (
              <OrgMatchTag match={{ input: row.regionName, organization: row.region, candidates: [] }} />
            ),
          },
          ...table.periods.map((period, col) => ({
            title: period,
            key: period,
            align: 'right' as const,
            render: (_: unknown, row: ImportedRow) => formatNumber(row.values[col]),
          })),
        ]}
        summary={() => (
          <>
            <Table.Summary.Row>
              <Table.Summary.Cell index={0}>{t('import.total')}</Table.Summary.Cell>
              {table.periods.map((p, col) => (
                <Table.Summary.Cell key={p} index={col + 1} align="right">
                  <span style={red(mismatch[col])}>{formatNumber(table.totals?.[col])}</span>
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
            {mismatch.some(Boolean) ? (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t('import.sum')}</Table.Summary.Cell>
                {table.periods.map((p, col) => (
                  <Table.Summary.Cell key={p} index={col + 1} align="right">
                    <span style={red(mismatch[col])} data-testid={mismatch[col] ? 'sum-mismatch' : undefined}>
                      {formatNumber(sums[col])}
                    </span>
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            ) : null}
          </>
        )}
      />
    </Card>
  );
}

/**
 * Departments of the issuer's government that the tree lacks: an admin ticks 新建为组织 to have the save create them
 * (under that government) before the plan; anyone else is told only an admin can.
 */
function ProposedOrganizations({
  proposals,
  accepted,
  onAccept,
}: {
  proposals: readonly ProposedOrganization[];
  accepted: readonly string[];
  onAccept?: (name: string, create: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('import.proposals', { count: proposals.length })} data-testid="import-proposals">
      <Alert type="info" showIcon style={{ marginBottom: 8 }} title={onAccept ? t('import.proposalsHint') : t('import.proposalsAdminOnly')} />
      <Table<ProposedOrganization>
        size="small"
        rowKey={(p) => p.name}
        pagination={false}
        dataSource={[...proposals]}
        columns={[
          { title: t('import.proposalInputs'), key: 'inputs', render: (_, p) => p.inputs.join('、') },
          { title: t('import.proposalName'), dataIndex: 'name' },
          { title: t('import.proposalCode'), dataIndex: 'code' },
          {
            title: t('org.kind'),
            key: 'kind',
            render: (_, p) =>
              [t(`orgKind.${p.kind}`, { defaultValue: p.kind }), p.level ? t(`adminLevel.${p.level}`, { defaultValue: p.level }) : null]
                .filter(Boolean)
                .join(' · '),
          },
          { title: t('import.proposalParent'), key: 'parent', render: (_, p) => p.parent.name },
          ...(onAccept
            ? [
                {
                  title: t('import.createOrg'),
                  key: 'create',
                  render: (_: unknown, p: ProposedOrganization) => (
                    <Checkbox
                      checked={accepted.includes(p.name)}
                      onChange={(e) => onAccept(p.name, e.target.checked)}
                      data-testid="import-create-org"
                      data-name={p.name}
                    >
                      {t('import.createOrg')}
                    </Checkbox>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}

/**
 * What the dry run understood, for a person to check before saving (docs/domain.md §5): the header, the outline, every
 * task with its units (resolved in green, unresolved in red with candidates), deadlines and milestones, the
 * indicators, the breakdown tables with their totals check, and the parser's notes.
 */
export function ImportReview({
  answer,
  accepted = [],
  onAccept,
}: {
  answer: PlanImportAnswer;
  /** Names of the proposed organizations ticked to be created. */
  accepted?: readonly string[];
  /** Given to admins only: they may have the save create proposed organizations. */
  onAccept?: (name: string, create: boolean) => void;
}) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language !== 'en';
  const creating = answer.proposedOrganizations.filter((p) => accepted.includes(p.name));
  // A name written in the document → the proposed organization ticked to be created under it.
  const toCreate = new Map(creating.flatMap((p) => p.inputs.map((input) => [input, p.name] as const)));
  // The summary counts what the user's choices leave unresolved: a name to be created is no longer a problem.
  const unresolved = answer.unresolvedNames.filter((name) => !toCreate.has(name));
  const summary = [
    unresolved.length
      ? `${t('import.unresolvedCount', { count: unresolved.length })}：${unresolved.join('、')}`
      : creating.length
        ? t('import.othersResolved')
        : t('import.allResolved'),
    creating.length ? t('import.toCreateCount', { count: creating.length, names: creating.map((p) => p.name).join('、') }) : null,
  ];
  return (
    <Flex vertical gap={16} data-testid="import-review">
      <Alert
        type={unresolved.length ? 'warning' : 'success'}
        showIcon
        title={t('import.summary', {
          tasks: answer.tasks.length,
          indicators: answer.indicators.length,
          tables: answer.regionalTables.length,
        })}
        description={<span data-testid="import-summary">{summary.filter(Boolean).join(zh ? '；' : '; ')}</span>}
      />
      <Descriptions size="small" bordered column={1}>
        <Descriptions.Item label={t('plans.name')}>
          <span data-testid="import-title">{answer.title}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.kind')}>{t(`planKind.${answer.kind}`, { defaultValue: answer.kind })}</Descriptions.Item>
        <Descriptions.Item label={t('plans.docNumber')}>
          {answer.docNumber ? (
            <span data-testid="import-doc-number">{answer.docNumber}</span>
          ) : (
            <Typography.Text type="warning">{t('import.docNumberMissing')}</Typography.Text>
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.issuer')}>
          <span data-testid="import-issuer">
            {answer.issuer ? (
              <OrgMatchTag match={{ input: answer.issuerName ?? answer.issuer.name, organization: answer.issuer, candidates: [] }} />
            ) : answer.issuerMatch ? (
              <OrgMatchTag match={answer.issuerMatch} />
            ) : null}
            <Typography.Text type="secondary">
              {answer.issuerName ? t('import.issuerAsWritten', { name: answer.issuerName }) : t('import.noIssuer')}
            </Typography.Text>
          </span>
        </Descriptions.Item>
        <Descriptions.Item label={t('plans.issuedOn')}>{formatDate(answer.issuedOn) || '—'}</Descriptions.Item>
        <Descriptions.Item label={t('plans.period')}>
          {answer.periodStart || answer.periodEnd ? `${answer.periodStart ?? ''}—${answer.periodEnd ?? ''}` : '—'}
        </Descriptions.Item>
      </Descriptions>

      {answer.proposedOrganizations.length ? (
        <ProposedOrganizations proposals={answer.proposedOrganizations} accepted={accepted} onAccept={onAccept} />
      ) : null}

      <Card size="small" title={t('import.outline')}>
        {answer.outline.length ? (
          <Tree defaultExpandAll selectable={false} treeData={outlineTree(answer.outline, (count) => t('import.taskCount', { count }))} />
        ) : (
          t('import.none')
        )}
      </Card>

      <Card size="small" title={`${t('import.tasks')}（${answer.tasks.length}）`}>
        <Table<ImportedTask>
          size="small"
          rowKey={(task) => `${task.number ?? ''}|${task.title}`}
          pagination={answer.tasks.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 960 }}
          dataSource={[...answer.tasks]}
          locale={{ emptyText: t('import.none') }}
          onRow={(task) =>
            task.leadOrgs.some((m) => !m.organization && !toCreate.has(m.input)) ? { style: { background: '#fff1f0' } } : {}
          }
          columns={[
            { title: t('tasks.number'), dataIndex: 'number', width: 64 },
            { title: t('tasks.task'), dataIndex: 'title', width: 200 },
            { title: t('tasks.lead'), key: 'lead', width: 190, render: (_, task) => <OrgMatches matches={task.leadOrgs} toCreate={toCreate} /> },
            { title: t('tasks.cooperating'), key: 'coop', width: 190, render: (_, task) => <OrgMatches matches={task.cooperatingOrgs} toCreate={toCreate} /> },
            {
              title: t('tasks.deadline'),
              key: 'deadline',
              width: 130,
              render: (_, task) => (
                <Worded text={task.deadline?.text}>{formatDeadline(task.deadline)}</Worded>
              ),
            },
            {
              title: t('import.milestones'),
              key: 'milestones',
              width: 220,
              render: (_, task) =>
                task.milestones.map((m, i) => (
                  <div key={i} style={{ fontSize: 12 }}>
                    {m.dueDate ? <Typography.Text strong>{formatDate(m.dueDate)} </Typography.Text> : null}
                    {m.description}
                  </div>
                )),
            },
          ]}
        />
      </Card>

      <Card size="small" title={`${t('import.indicators')}（${answer.indicators.length}）`}>
        <Table<ImportedIndicator>
          size="small"
          rowKey={(ind) => ind.name}
          pagination={false}
          dataSource={[...answer.indicators]}
          locale={{ emptyText: t('import.none') }}
          columns={[
            { title: t('import.indicator'), dataIndex: 'name' },
            {
              title: t('import.baseline'),
              key: 'baseline',
              render: (_, ind) => (ind.baseline ? measure(ind.baseline.value, ind.baseline.year, ind.unit, zh) : '—'),
            },
            {
              title: t('import.target'),
              key: 'target',
              render: (_, ind) =>
                `${t(`comparator.${ind.comparator}`)} ${measure(ind.target.value, ind.target.year, ind.unit, zh)}`.trim(),
            },
            { title: t('import.responsible'), key: 'lead', render: (_, ind) => <OrgMatches matches={ind.leadOrgs} toCreate={toCreate} /> },
          ]}
        />
      </Card>

      {answer.regionalTables.length ? (
        <Card size="small" title={`${t('import.tables')}（${answer.regionalTables.length}）`}>
          <Flex vertical gap={12}>
            {answer.regionalTables.map((table, i) => (
              <RegionalTable key={`${table.title}-${i}`} table={table} />
            ))}
          </Flex>
        </Card>
      ) : null}

      {answer.warnings.length ? (
        <Card size="small" title={t('import.warnings')}>
          <List size="small" dataSource={[...answer.warnings]} renderItem={(w) => <List.Item>{w}</List.Item>} />
        </Card>
      ) : null}
    </Flex>
  );
}

/** The document's own wording of a deadline on hover, when the date shown was derived from it. */
function Worded({ text, children }: { text?: string | null; children: string }) {
  return text && text !== children ? <span title={text}>{children}</span> : <>{children}</>;
}
