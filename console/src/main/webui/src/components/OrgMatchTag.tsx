import { Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, PlusCircleOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';

export interface OrgMatch {
  input: string;
  organization?: { id: string; name: string } | null;
  candidates: readonly { id: string; name: string }[];
}

/**
 * A unit named in a document: green with the organization it resolved to (the wording of the document on hover),
 * blue with the proposed organization an admin ticked to be created by the save (`toCreate`), or red with what it
 * could be — an import never guesses between candidates.
 */
export function OrgMatchTag({ match, toCreate }: { match: OrgMatch; toCreate?: string }) {
  const { t } = useTranslation();
  if (!match.organization && toCreate) {
    return (
      <Tooltip title={t('import.asWritten', { name: match.input })}>
        <Tag color="processing" icon={<PlusCircleOutlined />} data-testid="org-match" data-resolved="to-create">
          {toCreate}（{t('import.toCreate')}）
        </Tag>
      </Tooltip>
    );
  }
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

/** `toCreate`: the proposed organization ticked to be created, by the name as written. */
export function OrgMatches({ matches, toCreate }: { matches: readonly OrgMatch[]; toCreate?: ReadonlyMap<string, string> }) {
  return (
    <>
      {matches.map((m, i) => (
        <OrgMatchTag key={`${m.input}-${i}`} match={m} toCreate={toCreate?.get(m.input)} />
      ))}
    </>
  );
}
