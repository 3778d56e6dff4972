import { describe, expect, it } from 'vitest';
import {
  accessTokenClaims,
  isPendingAccount,
  canRemind,
  canReopenPeriods,
  canImportPlans,
  canManageOrganizations,
  canManagePlan,
  canRecordObservation,
  canReview,
  canSubmitReport,
  observationPlaces,
  reportingOrgs,
} from './permissions';

const NMG = { id: 'nmg' };
const ZJT = { id: 'zjt', ancestors: [NMG] };
const ZRZYT = { id: 'zrzyt', ancestors: [NMG] };
const task = { leadOrgs: [ZJT], cooperatingOrgs: [ZRZYT] };
const person = (role: string, ...orgs: { id: string }[]) => ({ roles: [role], orgs });

describe('which actions the task page offers (docs/domain.md §4)', () => {
  it('a viewer may neither report nor review', () => {
    expect(canSubmitReport(person('viewer', ZJT), task)).toBe(false);
    expect(canReview(person('viewer', ZJT), task)).toBe(false);
  });

  it('a reporter of the lead unit reports and reviews; of a cooperating unit only reports', () => {
    expect(canReview(person('reporter', ZJT), task)).toBe(true);
    expect(canSubmitReport(person('reporter', ZRZYT), task)).toBe(true);
    expect(canReview(person('reporter', ZRZYT), task)).toBe(false);
  });

  it('a planner above the lead unit reviews but reports only for a unit of their own on the task', () => {
    expect(canReview(person('planner', NMG), task)).toBe(true);
    expect(canSubmitReport(person('planner', NMG), task)).toBe(false);
  });

  it('a reporter of an unrelated unit sees no actions', () => {
    expect(canSubmitReport(person('reporter', { id: 'fgw' }), task)).toBe(false);
    expect(canReview(person('reporter', { id: 'fgw' }), task)).toBe(false);
  });

  it('an admin may report for any of the task units', () => {
    expect(reportingOrgs(person('admin', NMG), task).map((o) => o.id)).toEqual(['zjt', 'zrzyt']);
    expect(canReview(person('admin', NMG), task)).toBe(true);
  });
});

describe('where the indicator page offers 记录观测值 (docs/domain.md §4)', () => {
  const HHHT = { id: 'hhht', ancestors: [NMG] };
  const BT = { id: 'bt', ancestors: [NMG] };
  const indicator = { responsibleOrgs: [ZJT], issuer: NMG, regions: [HHHT, BT] };

  it('a viewer records nothing, even of a responsible organization', () => {
    expect(canRecordObservation(person('viewer', ZJT), indicator)).toBe(false);
  });

  it('a reporter of a responsible organization records for the whole area and every region', () => {
    expect(observationPlaces(person('reporter', ZJT), indicator)).toEqual({ wholeArea: true, regionIds: ['hhht', 'bt'] });
  });

  it('a reporter of a prefecture records only for its own region, not for the whole area', () => {
    expect(observationPlaces(person('reporter', HHHT), indicator)).toEqual({ wholeArea: false, regionIds: ['hhht'] });
  });

  it('a planner of the issuing government records for the whole area and the regions below it', () => {
    expect(observationPlaces(person('planner', NMG), indicator)).toEqual({ wholeArea: true, regionIds: ['hhht', 'bt'] });
  });

  it('a reporter of an unrelated department is offered no button', () => {
    expect(canRecordObservation(person('reporter', ZRZYT), indicator)).toBe(false);
  });
});

describe('who manages organizations (docs/domain.md §4)', () => {
  it('only an admin; a planner of the top government does not', () => {
    expect(canManageOrganizations(person('admin', NMG))).toBe(true);
    for (const role of ['planner', 'reporter', 'viewer']) expect(canManageOrganizations(person(role, NMG))).toBe(false);
  });
});

describe('who is offered 导入 and 发布 (docs/domain.md §4)', () => {
  const plan = { issuer: ZJT };

  it('admins and planners see 导入; reporters and viewers do not', () => {
    expect(canImportPlans(person('admin', NMG))).toBe(true);
    expect(canImportPlans(person('planner', ZJT))).toBe(true);
    expect(canImportPlans(person('reporter', ZJT))).toBe(false);
    expect(canImportPlans(person('viewer', NMG))).toBe(false);
  });

  it('a planner of the issuer or of an organization above it may publish; of another organization not', () => {
    expect(canManagePlan(person('planner', ZJT), plan)).toBe(true);
    expect(canManagePlan(person('planner', NMG), plan)).toBe(true);
    expect(canManagePlan(person('planner', ZRZYT), plan)).toBe(false);
  });

  it('a viewer or reporter never may publish, even of the issuing organization; an admin always may', () => {
    expect(canManagePlan(person('viewer', ZJT), plan)).toBe(false);
    expect(canManagePlan(person('reporter', ZJT), plan)).toBe(false);
    expect(canManagePlan(person('admin', ZRZYT), plan)).toBe(true);
  });
});

describe('who is offered 催办 and 重新开放 on a task (docs/domain.md §4, issue #16)', () => {
  const FGW = { id: 'fgw', ancestors: [NMG] };
  const plan = { issuer: FGW };
  it('a planner of the lead unit, above it, or of the issuer may remind; of a cooperating unit not', () => {
    expect(canRemind(person('planner', ZJT), task, plan)).toBe(true);
    expect(canRemind(person('planner', NMG), task, plan)).toBe(true);
    expect(canRemind(person('planner', FGW), task, plan)).toBe(true);
    expect(canRemind(person('planner', ZRZYT), task, plan)).toBe(false);
  });
  it('reporters and viewers never remind, even of the lead unit; an admin always may', () => {
    expect(canRemind(person('reporter', ZJT), task, plan)).toBe(false);
    expect(canRemind(person('viewer', NMG), task, plan)).toBe(false);
    expect(canRemind(person('admin'), task, plan)).toBe(true);
  });
  it('a reporter of the lead may approve but not reopen; a planner of the lead side may', () => {
    expect(canReview(person('reporter', ZJT), task)).toBe(true);
    expect(canReopenPeriods(person('reporter', ZJT), task)).toBe(false);
    expect(canReopenPeriods(person('planner', NMG), task)).toBe(true);
    expect(canReopenPeriods(person('planner', FGW), task)).toBe(false);
    expect(canReopenPeriods(person('admin'), task)).toBe(true);
  });
});

describe('an account awaiting placement (待分配), as the gateway refuses it', () => {
  const token = (claims: object) =>
    `h.${btoa(String.fromCharCode(...new TextEncoder().encode(JSON.stringify(claims)))).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;

  it('a brokered account with neither organization nor platform role is pending', () => {
    expect(isPendingAccount(accessTokenClaims(token({ realm_access: { roles: ['offline_access'] }, name: '赵强' })))).toBe(true);
  });

  it('a reporter without an organization, and an organization without a platform role, are pending', () => {
    expect(isPendingAccount(accessTokenClaims(token({ realm_access: { roles: ['reporter'] }, org_codes: [] })))).toBe(true);
    expect(isPendingAccount(accessTokenClaims(token({ realm_access: { roles: ['uma_authorization'] }, org_codes: ['nmg.zjt'] })))).toBe(true);
  });

  it('a placed reporter and an admin without organization are not', () => {
    expect(isPendingAccount(accessTokenClaims(token({ realm_access: { roles: ['reporter'] }, org_codes: ['nmg.zjt'] })))).toBe(false);
    expect(isPendingAccount(accessTokenClaims(token({ realm_access: { roles: ['admin'] } })))).toBe(false);
  });

  it('an unreadable token reads as no claims', () => {
    expect(accessTokenClaims('not-a-jwt')).toEqual({});
  });
});
