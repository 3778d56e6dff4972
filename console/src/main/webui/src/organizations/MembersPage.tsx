import { useState } from 'react';
import { Card, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/me';
import { assignableStaffRoles, canManageStaff } from '../auth/permissions';
import { OrganizationSelect } from '../components/OrganizationSelect';
import { useQuery } from '@apollo/client/react';
import { StaffOrganizationDocument } from '../gql/graphql';
import { StaffPanel } from './StaffPanel';
import { PendingAccounts } from './PendingAccounts';

/**
 * 成员: a department administrator manages the staff of their own organization (the default) and of those below it;
 * an admin of any organization. The server decides; an organization out of reach shows its FORBIDDEN message. Above
 * them, the accounts waiting for an organization (待分配) that the user may place.
 */
export function MembersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [code, setCode] = useState<string | undefined>(me.orgs[0]?.code);
  const { data } = useQuery(StaffOrganizationDocument, { variables: { code: code ?? "" }, skip: !code });
  const org = data?.organization;
  if (!canManageStaff(me)) return <Typography.Text>{t('staff.forbidden')}</Typography.Text>;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small">
        <Space wrap>
          <span>{t('staff.pick')}</span>
          <Select
            style={{ minWidth: 260 }}
            value={me.orgs.some((o) => o.code === code) ? code : undefined}
            options={me.orgs.map((o) => ({ value: o.code, label: o.name }))}
            onChange={setCode}
            data-testid="staff-own-org"
          />
          <OrganizationSelect value={code} onChange={setCode} placeholder={t('staff.pick')} />
        </Space>
      </Card>
      <PendingAccounts roles={assignableStaffRoles(me)} />
      {org ? <StaffPanel key={org.id} org={org} person={me} /> : null}
    </Space>
  );
}
