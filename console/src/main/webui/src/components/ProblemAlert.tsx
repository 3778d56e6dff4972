import { Alert } from 'antd';
import { describeError } from '../api/errors';

/** An API error as a message on the page (never a crash); the server's own words in small print for support. */
export function ProblemAlert({ error, onClose }: { error: unknown; onClose?: () => void }) {
  const problem = describeError(error);
  return (
    <Alert
      type={problem.code === 'CONFLICT' || problem.code === 'BAD_USER_INPUT' ? 'warning' : 'error'}
      showIcon
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
      title={problem.message}
      description={problem.detail ? <small data-testid="problem-detail">{problem.detail}</small> : undefined}
      data-testid="problem"
      data-code={problem.code}
    />
  );
}
