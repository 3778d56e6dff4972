import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError, type ApiProblem } from '../api/errors';
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

/** The current quarter as the default period, e.g. 2026Q1. */
export function currentPeriod(now = new Date()): string {
  return `${now.getFullYear()}Q${Math.floor(now.getMonth() / 3) + 1}`;
}

/**
 * 进度填报. Checks what it can before sending (the same limits as the server); what the server still refuses is
 * shown at the field it names, and the whole message above the form.
 */
export function ReportForm({
  orgs,
  initial,
  onSubmit,
}: {
  orgs: readonly { id: string; name: string }[];
  initial?: Partial<ReportValues>;
  onSubmit: (values: ReportValues) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReportValues>();
  const [problem, setProblem] = useState<{ error: unknown; described: ApiProblem } | null>(null);
  const [sending, setSending] = useState(false);
  const required = (field: string) => ({ required: true, whitespace: true, message: t('report.required', { field }) });
  const maxLength = (field: string) => ({ max: MAX_TEXT, message: t('report.tooLong', { field, max: MAX_TEXT }) });

  const submit = async (values: ReportValues) => {
    setProblem(null);
    setSending(true);
    try {
      await onSubmit({ ...values, period: values.period.trim(), summary: values.summary.trim() });
    } catch (error) {
      const described = describeError(error);
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
      initialValues={{ orgId: orgs[0]?.id, period: currentPeriod(), ...initial }}
      onFinish={submit}
      style={{ maxWidth: 720 }}
    >
      {problem ? <ProblemAlert error={problem.error} onClose={() => setProblem(null)} /> : null}
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
