import { useState } from 'react';
import { App, Alert, Button, Card, Col, Empty, Flex, Form, Input, Result, Row, Typography, Upload } from 'antd';
import { FileSearchOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ImportPlanDocumentDocument } from '../gql/graphql';
import { describeError } from '../api/errors';
import { useCurrentUser } from '../auth/me';
import { canImportPlans, canManageOrganizations } from '../auth/permissions';
import { ProblemAlert } from '../components/ProblemAlert';
import { OrganizationSelect } from '../components/OrganizationSelect';
import { ImportReview, blockingNames, type PlanImportAnswer } from '../components/ImportReview';

interface ImportValues {
  text: string;
  issuerCode?: string;
}

/** plan-service's limit (PlanImportService.MAX_TEXT): a few times the largest plan document seen. */
export const MAX_TEXT = 2_000_000;

/**
 * A .txt file's text. Government documents saved as text are often GB18030 (GBK) rather than UTF-8: a file that is
 * not valid UTF-8 is read as GB18030.
 */
export async function readTextFile(file: Blob): Promise<string> {
  const bytes = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(file);
  });
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('gb18030').decode(new Uint8Array(bytes));
  }
}

const isText = (file: File) => /\.txt$/i.test(file.name) || file.type === 'text/plain';
/** Read by plan-service (Word tables become breakdown tables; a PDF's text layer, a scan is refused there). */
const isDocument = (file: File) => /\.(docx|pdf)$/i.test(file.name);

/** plan-service's limit on an uploaded file (DocumentFiles.MAX_BYTES). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** A file's bytes as base64, the form importPlanDocument takes an upload in. */
export async function readBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(
    await new Promise<ArrayBuffer>((resolve, reject) => {
      const reader = new FileReader();
      reader.onload = () => resolve(reader.result as ArrayBuffer);
      reader.onerror = () => reject(reader.error);
      reader.readAsArrayBuffer(file);
    }),
  );
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/**
 * 导入: paste a plan document or pick a file (.txt is read here; a .docx or PDF is sent at once as a dry run and the
 * text plan-service read from it fills the text box), 解析 (a dry run that writes nothing) shows what was understood
 * next to the text, the issuer can be chosen when the document's does not resolve, and 保存为草稿 saves exactly what
 * was reviewed (the text, which imports like its file) as a DRAFT plan, then opens it.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [form] = Form.useForm<ImportValues>();
  const text = Form.useWatch('text', form);
  const issuerCode = Form.useWatch('issuerCode', form);
  const [importDocument] = useMutation(ImportPlanDocumentDocument);
  const [review, setReview] = useState<{ answer: PlanImportAnswer; text: string; issuerCode?: string } | null>(null);
  const [problem, setProblem] = useState<{ error: unknown; message?: string } | null>(null);
  const [busy, setBusy] = useState<'dryRun' | 'save' | null>(null);
  /** The proposed organizations ticked 新建为组织 (admins): created by the save, before the plan. */
  const [accepted, setAccepted] = useState<string[]>([]);

  if (!canImportPlans(me)) {
    return <Result status="403" title={t('import.notAllowed')} />;
  }

  /** The error above the form, and at the field the server named (an unresolvable issuer: at 发文机关). */
  const showProblem = (error: unknown) => {
    const described = describeError(error);
    const specific =
      described.code === 'FORBIDDEN' ? t('import.forbiddenIssuer') : described.code === 'CONFLICT' ? t('import.conflict') : undefined;
    setProblem({ error, message: specific });
    form.setFields(
      (['issuerCode', 'text'] as const)
        .filter((name) => described.fields[name])
        .map((name) => ({ name, errors: [t(`fieldError.BAD_USER_INPUT.${name}`)] })),
    );
  };

  const run = async (
    values: ImportValues,
    dryRun: boolean,
    file?: { name: string; contentBase64: string },
    createOrganizations: string[] = [],
  ) => {
    setProblem(null);
    setBusy(dryRun ? 'dryRun' : 'save');
    try {
      const { data } = await importDocument({
        variables: {
          ...(file ? { file } : { text: values.text }),
          dryRun,
          issuerCode: values.issuerCode || null,
          ...(createOrganizations.length ? { createOrganizations } : {}),
        },
      });
      const answer = data?.importPlanDocument;
      if (!answer) return;
      if (dryRun) {
        // what the server said about the issuer or the text before no longer holds
        form.setFields([{ name: 'issuerCode', errors: [] }, { name: 'text', errors: [] }]);
        if (file) {
          form.setFields([{ name: 'text', value: answer.text }]);
          message.success(t('import.fileRead', { name: file.name }));
        }
        setReview({ answer, text: file ? answer.text : values.text, issuerCode: values.issuerCode });
        setAccepted([]);
      } else if (answer.plan) {
        message.success(t('import.saved'));
        navigate(`/plans/${answer.plan.id}`);
      }
    } catch (error) {
      showProblem(error);
    } finally {
      setBusy(null);
    }
  };

  const stale = !!review && (review.text !== text || (review.issuerCode || undefined) !== (issuerCode || undefined));
  const blocking = review ? blockingNames(review.answer, accepted) : [];
  const canCreate = canManageOrganizations(me);
  const issuerMissing = !!review && !review.answer.issuer;

  return (
    <Row gutter={16}>
      <Col xs={24} xl={10}>
        <Card title={t('import.title')}>
          {problem ? <ProblemAlert error={problem.error} message={problem.message} onClose={() => setProblem(null)} /> : null}
          <Form<ImportValues> form={form} layout="vertical" name="import" onFinish={(values) => run(values, true)}>
            <Form.Item label={t('import.file')} extra={t('import.fileHint')}>
              <Upload
                accept=".txt,.docx,.pdf,text/plain,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                showUploadList={false}
                disabled={busy !== null}
                beforeUpload={(file) => {
                  if (isDocument(file)) {
                    if (file.size > MAX_FILE_BYTES) {
                      form.setFields([{ name: 'text', errors: [t('import.fileTooLarge', { name: file.name })] }]);
                      return Upload.LIST_IGNORE;
                    }
                    void readBase64(file).then((contentBase64) =>
                      run({ text: '', issuerCode: form.getFieldValue('issuerCode') }, true, { name: file.name, contentBase64 }),
                    );
                    return false;
                  }
                  if (!isText(file)) {
                    form.setFields([{ name: 'text', errors: [t('import.fileUnsupported', { name: file.name })] }]);
                    return Upload.LIST_IGNORE;
                  }
                  void readTextFile(file).then((content) => {
                    form.setFields([{ name: 'text', value: content, errors: [] }]);
                    message.success(t('import.fileRead', { name: file.name }));
                  });
                  return false;
                }}
              >
                <Button icon={<UploadOutlined />} data-testid="import-file" loading={busy === 'dryRun'}>
                  {t('import.file')}
                </Button>
              </Upload>
            </Form.Item>
            <Form.Item
              name="text"
              label={t('import.text')}
              rules={[
                { required: true, whitespace: true, message: t('import.textRequired') },
                { max: MAX_TEXT, message: t('import.textTooLong', { max: MAX_TEXT }) },
              ]}
            >
              <Input.TextArea
                rows={22}
                placeholder={t('import.textPlaceholder')}
                style={{ fontFamily: 'monospace', fontSize: 13 }}
                data-testid="import-text"
              />
            </Form.Item>
            <Form.Item name="issuerCode" label={t('import.issuer')} extra={t('import.issuerHint')}>
              <OrganizationSelect placeholder={t('import.issuerPlaceholder')} />
            </Form.Item>
            <Button type="primary" htmlType="submit" icon={<FileSearchOutlined />} loading={busy === 'dryRun'} disabled={busy === 'save'}>
              {review ? t('import.reparse') : t('import.dryRun')}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card
          title={review ? review.answer.title : t('import.dryRun')}
          extra={
            review ? (
              <Button
                type="primary"
                icon={<SaveOutlined />}
                loading={busy === 'save'}
                disabled={stale || issuerMissing || blocking.length > 0 || busy === 'dryRun'}
                onClick={() => run({ text: review.text, issuerCode: review.issuerCode }, false, undefined, accepted)}
                data-testid="import-save"
              >
                {t('import.save')}
              </Button>
            ) : null
          }
        >
          {review ? (
            <Flex vertical gap={12}>
              {stale ? <Alert type="info" showIcon title={t('import.stale')} /> : null}
              {issuerMissing ? (
                <Alert
                  type="error"
                  showIcon
                  title={t('import.issuerMissing', { name: review.answer.issuerName ?? t('import.noIssuer') })}
                  data-testid="import-issuer-missing"
                />
              ) : null}
              {blocking.length ? (
                <Alert type="error" showIcon title={t('import.cannotSave', { names: blocking.join('、') })} data-testid="import-blocking" />
              ) : null}
              <ImportReview
                answer={review.answer}
                accepted={accepted}
                onAccept={
                  canCreate
                    ? (name, create) => setAccepted((now) => (create ? [...now, name] : now.filter((n) => n !== name)))
                    : undefined
                }
              />
            </Flex>
          ) : (
            <Empty description={<Typography.Text type="secondary">{t('import.empty')}</Typography.Text>} />
          )}
        </Card>
      </Col>
    </Row>
  );
}
