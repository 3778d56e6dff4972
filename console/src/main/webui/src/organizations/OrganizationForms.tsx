import { useState } from 'react';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Select, Space } from 'antd';
import type { FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { describeError } from '../api/errors';
import { ProblemAlert } from '../components/ProblemAlert';
import type { AdminLevel, OrgKind } from '../gql/graphql';
import { orgFieldErrors } from './serverErrors';

export const ORG_KINDS: readonly OrgKind[] = [
  'GOVERNMENT', 'GENERAL_OFFICE', 'DEPARTMENT', 'AGENCY', 'ENTERPRISE', 'LEADING_GROUP', 'DEVELOPMENT_ZONE',
];
export const ADMIN_LEVELS: readonly AdminLevel[] = ['PROVINCE', 'PREFECTURE', 'COUNTY', 'TOWNSHIP'];
// The same limits as org-service (NewOrganization, OrganizationUpdate), so most mistakes never reach the server.
const CODE = /^[a-z0-9]+([.-][a-z0-9]+)*$/;
const MAX = { code: 100, name: 200, shortName: 100, region: 100, alias: 200, aliases: 50 } as const;
const ISO = 'YYYY-MM-DD';

/** Sends a form's values; a refusal is shown above the form and, where the server named a field, at that field. */
function useServerErrors<T extends object>(
  form: FormInstance<T>,
  fields: readonly string[],
  options?: Parameters<typeof orgFieldErrors>[3],
) {
  const { t } = useTranslation();
  const [problem, setProblem] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const send = async (write: () => Promise<unknown>) => {
    setProblem(null);
    setSending(true);
    try {
      await write();
    } catch (error) {
      setProblem(error);
      form.setFields(orgFieldErrors(t, describeError(error), fields, options) as Parameters<typeof form.setFields>[0]);
    } finally {
      setSending(false);
    }
  };
  const alert = problem ? <ProblemAlert error={problem} onClose={() => setProblem(null)} /> : null;
  return { send, sending, alert };
}

function useRules() {
  const { t } = useTranslation();
  return {
    required: (field: string) => ({ required: true, whitespace: true, message: t('org.required', { field }) }),
    pick: (field: string) => ({ required: true, message: t('org.requiredPick', { field }) }),
    max: (field: string, max: number) => ({ max, message: t('org.tooLong', { field, max }) }),
    aliases: (field: string) => ({
      validator: async (_: unknown, value?: string[]) => {
        if ((value ?? []).length > MAX.aliases) throw new Error(t('org.tooMany', { field, max: MAX.aliases }));
        if ((value ?? []).some((a) => a.length > MAX.alias)) throw new Error(t('org.tooLong', { field, max: MAX.alias }));
      },
    }),
  };
}

function FormButtons({ sending, onCancel }: { sending: boolean; onCancel?: () => void }) {
  const { t } = useTranslation();
  return (
    <Space>
      <Button type="primary" htmlType="submit" loading={sending}>{t('org.save')}</Button>
      {onCancel ? <Button onClick={onCancel}>{t('org.cancel')}</Button> : null}
    </Space>
  );
}

/** Aliases as tags: typed, then Enter (or 、 , ，) adds one. */
function AliasesField() {
  const { t } = useTranslation();
  const rules = useRules();
  return (
    <Form.Item name="aliases" label={t('org.aliases')} extra={t('org.aliasesHint')} rules={[rules.aliases(t('org.aliases'))]}>
      <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', ',', '，']} />
    </Form.Item>
  );
}

const cleanAliases = (aliases?: string[]) => [...new Set((aliases ?? []).map((a) => a.trim()).filter(Boolean))];
const blankToNull = (v?: string | null) => (v && v.trim() ? v.trim() : null);

export interface NewOrganizationValues {
  code: string;
  name: string;
  shortName: string | null;
  kind: OrgKind;
  level: AdminLevel | null;
  parentCode: string | null;
  aliases: string[];
  region: string | null;
  validFrom: string | null;
}

interface CreateFields {
  code: string;
  name: string;
  shortName?: string;
  kind: OrgKind;
  level?: AdminLevel;
  parentCode?: string;
  aliases?: string[];
  region?: string;
  validFrom?: Dayjs | null;
}
const CREATE_FIELDS = ['code', 'name', 'shortName', 'kind', 'level', 'parentCode', 'aliases', 'region', 'validFrom'];

/** 新建机构: under the chosen organization by default (its code suggests the new code's prefix). */
export function CreateOrganizationForm({
  parent,
  onSubmit,
  onCancel,
}: {
  parent?: { code: string; name: string; level?: AdminLevel | null } | null;
  onSubmit: (values: NewOrganizationValues) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CreateFields>();
  const rules = useRules();
  const { send, sending, alert } = useServerErrors(form, CREATE_FIELDS, { conflictField: 'code' });
  const submit = (v: CreateFields) =>
    send(() =>
      onSubmit({
        code: v.code.trim(),
        name: v.name.trim(),
        shortName: blankToNull(v.shortName),
        kind: v.kind,
        level: v.level ?? null,
        parentCode: blankToNull(v.parentCode),
        aliases: cleanAliases(v.aliases),
        region: blankToNull(v.region),
        validFrom: v.validFrom ? v.validFrom.format(ISO) : null,
      }),
    );
  return (
    <Form<CreateFields>
      form={form}
      layout="vertical"
      name="createOrganization"
      initialValues={{ kind: 'DEPARTMENT', parentCode: parent?.code, level: parent?.level ?? undefined, code: parent ? `${parent.code}.` : '' }}
      onFinish={submit}
    >
      {alert}
      <Form.Item
        name="code"
        label={t('org.code')}
        extra={t('org.codeHint')}
        rules={[rules.required(t('org.code')), rules.max(t('org.code'), MAX.code), { pattern: CODE, message: t('org.codeFormat') }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="name" label={t('org.name')} rules={[rules.required(t('org.name')), rules.max(t('org.name'), MAX.name)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="shortName" label={t('org.shortName')} rules={[rules.max(t('org.shortName'), MAX.shortName)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Space wrap>
        <Form.Item name="kind" label={t('org.kind')} rules={[rules.pick(t('org.kind'))]}>
          <Select style={{ width: 180 }} options={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))} />
        </Form.Item>
        <Form.Item name="level" label={t('org.level')}>
          <Select allowClear style={{ width: 140 }} options={ADMIN_LEVELS.map((l) => ({ value: l, label: t(`adminLevel.${l}`) }))} />
        </Form.Item>
        <Form.Item name="validFrom" label={t('org.validFrom')}>
          <DatePicker />
        </Form.Item>
      </Space>
      <Form.Item name="parentCode" label={t('org.parentCode')} extra={parent ? `${parent.name}（${parent.code}）` : t('org.parentHint')} rules={[rules.max(t('org.parentCode'), MAX.code)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <AliasesField />
      <Form.Item noStyle shouldUpdate={(a, b) => a.kind !== b.kind}>
        {({ getFieldValue }) =>
          getFieldValue('kind') === 'GOVERNMENT' ? (
            <Form.Item name="region" label={t('org.region')} rules={[rules.max(t('org.region'), MAX.region)]}>
              <Input autoComplete="off" />
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <FormButtons sending={sending} onCancel={onCancel} />
    </Form>
  );
}

export interface OrganizationChanges {
  name: string;
  shortName: string;
  aliases: string[];
}

interface RenameFields {
  name: string;
  shortName?: string;
  aliases?: string[];
  keepOldName: boolean;
}

/**
 * 修改 (rename): the name, short name and aliases. A renamed body keeps its old name as an alias by default, so
 * documents and searches that use the old name still find it.
 */
export function RenameOrganizationForm({
  org,
  onSubmit,
  onCancel,
}: {
  org: { name: string; shortName?: string | null; aliases: readonly string[] };
  onSubmit: (changes: OrganizationChanges) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RenameFields>();
  const rules = useRules();
  const { send, sending, alert } = useServerErrors(form, ['name', 'shortName', 'aliases']);
  const submit = (v: RenameFields) => {
    const name = v.name.trim();
    const aliases = cleanAliases(v.aliases);
    if (v.keepOldName && name !== org.name && !aliases.includes(org.name)) aliases.push(org.name);
    // An empty short name clears it (the API keeps a field only when it is null).
    return send(() => onSubmit({ name, shortName: v.shortName?.trim() ?? '', aliases: aliases.filter((a) => a !== name) }));
  };
  return (
    <Form<RenameFields>
      form={form}
      layout="vertical"
      name="renameOrganization"
      initialValues={{ name: org.name, shortName: org.shortName ?? '', aliases: [...org.aliases], keepOldName: true }}
      onFinish={submit}
    >
      {alert}
      <Form.Item name="name" label={t('org.name')} rules={[rules.required(t('org.name')), rules.max(t('org.name'), MAX.name)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.name !== b.name}>
        {({ getFieldValue }) =>
          (getFieldValue('name') ?? '').trim() !== org.name ? (
            <Form.Item name="keepOldName" valuePropName="checked">
              <Checkbox>{t('org.keepOldName')}</Checkbox>
            </Form.Item>
          ) : null
        }
      </Form.Item>
      <Form.Item name="shortName" label={t('org.shortName')} rules={[rules.max(t('org.shortName'), MAX.shortName)]}>
        <Input autoComplete="off" />
      </Form.Item>
      <AliasesField />
      <FormButtons sending={sending} onCancel={onCancel} />
    </Form>
  );
}

export interface OrgOption {
  code: string;
  name: string;
}

interface SuccessionFields {
  successorCode?: string;
  date: Dayjs | null;
}

/** 机构改革 (replace): the organization ends on the date and names the body that took over from it. */
export function SuccessionForm({
  org,
  search,
  onSubmit,
  onCancel,
}: {
  org: OrgOption;
  /** Organizations matching what the user typed (name, alias, code). */
  search: (term: string) => Promise<readonly OrgOption[]>;
  onSubmit: (values: { successorCode: string; date: string }) => Promise<unknown>;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<SuccessionFields>();
  const rules = useRules();
  const [options, setOptions] = useState<readonly OrgOption[]>([]);
  const { send, sending, alert } = useServerErrors(form, ['successorCode', 'date'], { rename: { validTo: 'date' } });
  const lookUp = async (term: string) => {
    setOptions(term.trim() ? await search(term.trim()) : []);
  };
  return (
    <Form<SuccessionFields>
      form={form}
      layout="vertical"
      name="succession"
      initialValues={{ date: dayjs() }}
      onFinish={(v) => send(() => onSubmit({ successorCode: v.successorCode!, date: v.date!.format(ISO) }))}
    >
      {alert}
      <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('org.successionHint', { name: org.name })} />
      <Form.Item
        name="successorCode"
        label={t('org.successorPick')}
        rules={[
          rules.pick(t('org.successorPick')),
          { validator: async (_: unknown, v?: string) => { if (v === org.code) throw new Error(t('org.selfSuccession')); } },
        ]}
      >
        <Select
          showSearch={{ filterOption: false, onSearch: (term: string) => void lookUp(term) }}
          placeholder={t('org.successorSearch')}
          notFoundContent={null}
          virtual={false}
          options={options.map((o) => ({ value: o.code, label: `${o.name}（${o.code}）` }))}
        />
      </Form.Item>
      <Form.Item name="date" label={t('org.successionDate')} rules={[rules.pick(t('org.successionDate'))]}>
        <DatePicker />
      </Form.Item>
      <FormButtons sending={sending} onCancel={onCancel} />
    </Form>
  );
}
