import { useState } from 'react';
import { Button, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errors';
import { withRemark } from '../format';
import { parsePeriod, valueLimits, WHOLE_AREA } from '../indicators/figures';
import { ProblemAlert } from './ProblemAlert';

export interface ObservationValues {
  period: string;
  value: number;
  /** {@link WHOLE_AREA} for the indicator's whole area. */
  regionId: string;
  source?: string;
}

const FIELDS = ['period', 'value', 'regionId', 'source'] as const;
const MAX_SOURCE = 500;

/** The same rule as indicator-service's Period: a year or a range of years, 1949–2100, running forward. */
export function isPeriod(text: string): boolean {
  const p = parsePeriod(text);
  return p != null && p.start >= 1949 && p.end <= 2100 && p.start <= p.end;
}

/**
 * 记录观测值. Checks the period and the value's range for the unit before sending; what the server still refuses is
 * shown at the field it names (period, value, regionId, source) and as a whole above the form.
 */
export function ObservationForm({
  unit,
  additive,
  wholeArea,
  regions,
  onSubmit,
  now = new Date(),
}: {
  unit?: string | null;
  additive: boolean;
  /** Whether the user may record for the whole area (no region). */
  wholeArea: boolean;
  /** The regions the user may record for. */
  regions: readonly { id: string; name: string }[];
  onSubmit: (values: ObservationValues) => Promise<unknown>;
  now?: Date;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ObservationValues>();
  const [problem, setProblem] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const limits = valueLimits(unit, additive);
  const places = [
    ...(wholeArea ? [{ value: WHOLE_AREA, label: t('indicators.wholeArea') }] : []),
    ...regions.map((r) => ({ value: r.id, label: r.name })),
  ];

  const submit = async (values: ObservationValues) => {
    setProblem(null);
    setSending(true);
    try {
      await onSubmit({ ...values, period: values.period.trim(), source: values.source?.trim() || undefined });
      form.resetFields(['value', 'source']);
    } catch (error) {
      const described = describeError(error);
      setProblem(error);
      form.setFields(
        Object.keys(described.fields)
          .filter((f): f is (typeof FIELDS)[number] => (FIELDS as readonly string[]).includes(f))
          .map((name) => ({
            name,
            errors: [
              t(`observation.fieldError.${described.code}.${name}`, {
                defaultValue: t(`fieldError.${described.code}.any`, { defaultValue: described.message }),
              }),
            ],
          })),
      );
    } finally {
      setSending(false);
    }
  };

  return (
    <Form<ObservationValues>
      form={form}
      layout="vertical"
      name="observation"
      initialValues={{ period: String(now.getFullYear() - 1), regionId: places[0]?.value }}
      onFinish={submit}
      style={{ maxWidth: 560 }}
    >
      {problem ? <ProblemAlert error={problem} onClose={() => setProblem(null)} /> : null}
      <Form.Item name="regionId" label={t('observation.region')} rules={[{ required: true, message: t('observation.required', { field: t('observation.region') }) }]}>
        <Select options={places} style={{ width: 280 }} data-testid="observation-region" />
      </Form.Item>
      <Form.Item
        name="period"
        label={t('observation.period')}
        extra={t('observation.periodHint')}
        rules={[
          { required: true, whitespace: true, message: t('observation.required', { field: t('observation.period') }) },
          {
            validator: (_, value?: string) =>
              !value?.trim() || isPeriod(value) ? Promise.resolve() : Promise.reject(new Error(t('observation.periodFormat'))),
          },
        ]}
      >
        <Input style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="value"
        label={unit ? withRemark(t('observation.value'), unit) : t('observation.value')}
        rules={[
          { required: true, message: t('observation.required', { field: t('observation.value') }) },
          {
            validator: (_, value?: number | null) => {
              if (value == null) return Promise.resolve();
              if (limits.min != null && value < limits.min) return Promise.reject(new Error(t('observation.valueMin', { min: limits.min })));
              if (limits.max != null && value > limits.max) return Promise.reject(new Error(t('observation.valueMax', { max: limits.max })));
              return Promise.resolve();
            },
          },
        ]}
      >
        <InputNumber style={{ width: 200 }} />
      </Form.Item>
      <Form.Item
        name="source"
        label={t('observation.source')}
        extra={t('observation.sourceHint')}
        rules={[{ max: MAX_SOURCE, message: t('observation.tooLong', { field: t('observation.source'), max: MAX_SOURCE }) }]}
      >
        <Input />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={sending}>
        {t('observation.submit')}
      </Button>
    </Form>
  );
}
