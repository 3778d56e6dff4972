import { Alert } from 'antd';
import { describeError } from '../api/errors';

/**
 * An API error as a message on the page (never a crash); the server's own words in small print for support.
 * `message` replaces the generic wording where the screen knows better what the code means there.
 */
export function ProblemAlert({ error, onClose, message }: { error: unknown; onClose?: () => void; message?: string }) {
  const problem = describeError(error);
  return (
    <Alert
      type={problem.code === 'CONFLICT' || problem.code === 'BAD_USER_INPUT' ? 'warning' : 'error'}
      showIcon
      closable={!!onClose}
      onClose={onClose}
      style={{ marginBottom: 16 }}
      title={message ?? problem.message}
      description={problem.detail ? <small data-testid="problem-detail">{problem.detail}</small> : undefined}
      data-testid="problem"
      data-code={problem.code}
    />
  );
}
