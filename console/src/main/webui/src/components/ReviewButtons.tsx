import { useState } from 'react';
import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useMutation } from '@apollo/client/react';
import { useTranslation } from 'react-i18next';
import { ReviewReportDocument } from '../gql/graphql';
import { describeError } from '../api/errors';
import { ProblemAlert } from './ProblemAlert';

/** 通过 / 退回 on a submitted report (the lead side); returning needs a comment saying what to fix. */
export function ReviewButtons({ reportId, onDone }: { reportId: string; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [approve, setApprove] = useState<boolean | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [form] = Form.useForm<{ comment?: string }>();
  const [review, { loading }] = useMutation(ReviewReportDocument, { refetchQueries: ['ApprovalQueue', 'ApprovalCount', 'MyTasks', 'TaskReportingPeriods'] });

  const close = () => {
    setApprove(null);
    setError(null);
    form.resetFields();
  };
  const send = async ({ comment }: { comment?: string }) => {
    setError(null);
    try {
      await review({ variables: { id: reportId, approve: approve === true, comment: comment?.trim() || null } });
      void message.success(t(approve ? 'report.approved' : 'report.returned'));
      close();
      onDone?.();
    } catch (e) {
      setError(e);
      const problem = describeError(e);
      if (problem.fields.comment) form.setFields([{ name: 'comment', errors: [t('report.commentRequired')] }]);
    }
  };

  return (
    <>
      <Space>
        <Button size="small" type="primary" onClick={() => setApprove(true)}>
          {t('report.approve')}
        </Button>
        <Button size="small" danger onClick={() => setApprove(false)}>
          {t('report.return')}
        </Button>
      </Space>
      <Modal
        open={approve !== null}
        title={t(approve ? 'report.approveTitle' : 'report.returnTitle')}
        okText={t(approve ? 'report.approve' : 'report.return')}
        cancelText={t('report.cancel')}
        okButtonProps={{ danger: approve === false, loading, htmlType: 'submit', form: `review-${reportId}` }}
        onCancel={close}
        destroyOnHidden
      >
        {error ? <ProblemAlert error={error} /> : null}
        <Form form={form} id={`review-${reportId}`} name={`review-${reportId}`} layout="vertical" onFinish={send}>
          <Form.Item
            name="comment"
            label={t('report.comment')}
            rules={approve === false ? [{ required: true, whitespace: true, message: t('report.commentRequired') }] : []}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
