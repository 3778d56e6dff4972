import { useState } from 'react';
import { Alert, Button, Card, Col, Descriptions, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError, type ApiProblem } from '../api/errors';
import { formatDateTime } from '../format';
import { ProblemAlert } from './ProblemAlert';

export interface ReportValues {
  orgId: string;
  period: string;
  percent: number;
  summary: string;
  problems?: string;
  nextSteps?: string;
}

const FIELDS = ['orgId', 'period', 'percent', 'summary', 'problems', 'nextSteps'] as const;
const MAX_TEXT = 4000;

/** A report someone else saved: what a CONFLICT is shown against. */
export interface SavedReport {
  org: { id: string; name: string };
  period: string;
  percent?: number | null;
  summary: string;
  problems?: string | null;
  nextSteps?: string | null;
  status: string;
  reportedBy: string;
  reportedAt: string;
}

/** A saved report as the form's values: the starting point of a resubmission (returned, or someone else's). */
export function reportValues(report: Omit<SavedReport, 'status' | 'reportedBy' | 'reportedAt'>): Partial<ReportValues> {
  return {
    orgId: report.org.id,
    period: report.period,
    percent: report.percent ?? undefined,
    summary: report.summary,
    problems: report.problems ?? undefined,
    nextSteps: report.nextSteps ?? undefined,
  };
}

export type Cadence = 'MONTHLY' | 'QUARTERLY' | 'HALF_YEARLY' | 'YEARLY';

/** The code of the current period of a reporting cadence, the default of the form: 2026-03, 2026Q1, 2026H1, 2026. */
export function currentPeriod(cadence: Cadence = 'QUARTERLY', now = new Date()): string {
  const year = now.getFullYear();
  const month = now.getMonth();
  switch (cadence) {
    case 'MONTHLY':
      return `${year}-${String(month + 1).padStart(2, '0')}`;
    case 'HALF_YEARLY':
      return `${year}H${month < 6 ? 1 : 2}`;
    case 'YEARLY':
      return String(year);
    default:
      return `${year}Q${Math.floor(month / 3) + 1}`;
  }
}

/**
 * 进度填报. Checks what it can before sending (the same limits as the server); what the server still refuses is
 * shown at the field it names, and the whole message above the form. A CONFLICT because someone else saved a report
 * meanwhile (`findSaved` reads it afresh) shows theirs beside the user's unsaved input: the user takes theirs as the
 * new starting point and resubmits, or keeps theirs and drops their own.
 */
export function ReportForm({
  orgs,
  cadence,
  initial,
  onSubmit,
  findSaved,
  onKeepTheirs,
}: {
  orgs: readonly { id: string; name: string }[];
  /** The task's reporting cadence: the default period is its current one. */
  cadence?: Cadence;
  initial?: Partial<ReportValues>;
  onSubmit: (values: ReportValues) => Promise<unknown>;
  findSaved?: (values: ReportValues) => Promise<SavedReport | undefined>;
  onKeepTheirs?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const [problem, setProblem] = useState<{ error: unknown; described: ApiProblem } | null>(null);
  const [conflict, setConflict] = useState<{ theirs: SavedReport; mine: ReportValues; taken: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('report.required', { field }) });
  const maxLength = (field: string) => ({ max: MAX_TEXT, message: t('report.tooLong', { field, max: MAX_TEXT }) });

  const submit = async (values: ReportValues) => {
    setProblem(null);
    setSending(true);
    const sent = { ...values, period: values.period.trim(), summary: values.summary.trim() };
    try {
      await onSubmit(sent);
      setConflict(null);
    } catch (error) {
      const described = describeError(error);
      const theirs = described.code === 'CONFLICT' && findSaved ? await findSaved(sent).catch(() => undefined) : undefined;
      if (theirs) {
        setConflict({ theirs, mine: sent, taken: false });
        return;
      }
      setConflict(null);
      setProblem({ error, described });
      form.setFields(
        Object.keys(described.fields)
          .filter((f): f is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(f))
          .map((name) => ({ name, errors: [t(`fieldError.${described.code}.${name}`, { defaultValue: t(`fieldError.${described.code}.any`, { defaultValue: described.message }) })] })),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Form<ReportValues>
      form={form}
      layout="vertical"
      name="report"
      initialValues={{ orgId: orgs[0]?.id, period: currentPeriod(cadence), ...initial }}
      onFinish={submit}
      style={{ maxWidth: 720 }}
    >
      {problem ? <ProblemAlert error={problem.error} onClose={() => setProblem(null)} /> : null}
      {conflict ? (
        <ConflictView
          {...conflict}
          orgs={orgs}
          onTakeTheirs={() => {
            form.setFieldsValue(reportValues(conflict.theirs));
            setConflict({ ...conflict, taken: true });
          }}
          onKeepTheirs={() => {
            form.resetFields();
            setConflict(null);
            onKeepTheirs?.();
          }}
          onClose={() => setConflict(null)}
        />
      ) : null}
      {orgs.length > 1 ? (
        <Form.Item name="orgId" label={t('task.reportFor')} rules={[{ required: true, message: t('report.required', { field: t('task.reportFor') }) }]}>
          <Select options={orgs.map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
      ) : (
        <Form.Item name="orgId" hidden>
          <Input />
        </Form.Item>
      )}
      <Form.Item
        name="period"
        label={t('report.period')}
        extra={t('report.periodHint')}
        rules={[required(t('report.period')), { max: 50, message: t('report.tooLong', { field: t('report.period'), max: 50 }) }]}
      >
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="percent"
        label={t('report.percent')}
        rules={[
          { required: true, message: t('report.required', { field: t('report.percent') }) },
          { type: 'integer', min: 0, max: 100, message: t('report.percentRange') },
        ]}
      >
        <InputNumber style={{ width: 200 }} />
      </Form.Item>
      <Form.Item name="summary" label={t('report.summary')} rules={[required(t('report.summary')), maxLength(t('report.summary'))]}>
        <Input.TextArea rows={4} />
      </Form.Item>
      <Form.Item name="problems" label={t('report.problems')} rules={[maxLength(t('report.problems'))]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Form.Item name="nextSteps" label={t('report.nextSteps')} rules={[maxLength(t('report.nextSteps'))]}>
        <Input.TextArea rows={3} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('report.submit')}
      </Button>
    </Form>
  );
}

/** Their saved report beside the user's unsaved input, and what the user can do about it. */
function ConflictView({
  theirs,
  mine,
  taken,
  orgs,
  onTakeTheirs,
  onKeepTheirs,
  onClose,
}: {
  theirs: SavedReport;
  mine: ReportValues;
  taken: boolean;
  orgs: readonly { id: string; name: string }[];
  onTakeTheirs: () => void;
  onKeepTheirs: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const open = theirs.status !== 'RETURNED';
  const side = (report: Omit<SavedReport, 'status' | 'reportedBy' | 'reportedAt'>) => (
    <Descriptions column={1} size="small" styles={{ label: { width: 96 } }}>
      <Descriptions.Item label={t('task.reportFor')}>{report.org.name}</Descriptions.Item>
      <Descriptions.Item label={t('report.period')}>{report.period}</Descriptions.Item>
      <Descriptions.Item label={t('report.percent')}>{report.percent == null ? '—' : `${report.percent}%`}</Descriptions.Item>
      <Descriptions.Item label={t('report.summary')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{report.summary}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('report.problems')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{report.problems || '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label={t('report.nextSteps')}>
        <span style={{ whiteSpace: 'pre-wrap' }}>{report.nextSteps || '—'}</span>
      </Descriptions.Item>
    </Descriptions>
  );
  const mineOrg = orgs.find((o) => o.id === mine.orgId) ?? { id: mine.orgId, name: '' };
  return (
    <div data-testid="report-conflict" style={{ marginBottom: 24 }}>
      <Alert
        type={taken ? 'info' : 'warning'}
        showIcon
        style={{ marginBottom: 12 }}
        title={
          taken
            ? t('conflict.taken', { who: theirs.reportedBy })
            : t('conflict.title', { who: theirs.reportedBy, when: formatDateTime(theirs.reportedAt) })
        }
        description={open ? t('conflict.stillOpen', { status: t(`reportStatus.${theirs.status}`) }) : undefined}
      />
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Card
            size="small"
            data-testid="conflict-theirs"
            title={t('conflict.theirs', { status: t(`reportStatus.${theirs.status}`) })}
            extra={
              <Typography.Text type="secondary">
                {theirs.reportedBy} · {formatDateTime(theirs.reportedAt)}
              </Typography.Text>
            }
          >
            {side(theirs)}
          </Card>
        </Col>
        <Col xs={24} md={12}>
          <Card size="small" data-testid="conflict-mine" title={t('conflict.mine')}>
            {side({ ...mine, org: mineOrg })}
          </Card>
        </Col>
      </Row>
      <Space style={{ marginTop: 12 }} wrap>
        {taken ? (
          <Button onClick={onClose}>{t('conflict.close')}</Button>
        ) : (
          <>
            <Button type="primary" onClick={onTakeTheirs}>
              {t('conflict.takeTheirs')}
            </Button>
            <Button onClick={onKeepTheirs}>{t('conflict.keepTheirs')}</Button>
          </>
        )}
      </Space>
    </div>
  );
}
