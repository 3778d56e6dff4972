import { Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface OrgMatch {
  input: string;
  organization?: { id: string; name: string } | null;
  candidates: readonly { id: string; name: string }[];
}

/**
 * A unit named in a document: green with the organization it resolved to (the wording of the document on hover),
 * or red with what it could be — an import never guesses between candidates.
 */
export function OrgMatchTag({ match }: { match: OrgMatch }) {
  const { t } = useTranslation();
  if (match.organization) {
    return (
      <Tooltip title={match.input !== match.organization.name ? t('import.asWritten', { name: match.input }) : undefined}>
        <Tag color="success" icon={<CheckCircleOutlined />} data-testid="org-match" data-resolved="true">
          {match.organization.name}
        </Tag>
      </Tooltip>
    );
  }
  const names = match.candidates.map((c) => c.name).join('、');
  return (
    <span data-testid="org-match" data-resolved="false" style={{ display: 'inline-block', marginInlineEnd: 8 }}>
      <Tag color="error" icon={<WarningOutlined />} style={{ marginInlineEnd: 4 }}>
        {match.input}（{t('import.unresolved')}）
      </Tag>
      <Typography.Text type="danger" style={{ fontSize: 12 }}>
        {names ? t('import.candidates', { names }) : t('import.noCandidates')}
      </Typography.Text>
    </span>
  );
}

export function OrgMatches({ matches }: { matches: readonly OrgMatch[] }) {
  return (
    <>
      {matches.map((m, i) => (
        <OrgMatchTag key={`${m.input}-${i}`} match={m} />
      ))}
    </>
  );
}
