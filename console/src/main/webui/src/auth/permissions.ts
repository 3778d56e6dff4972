/**
 * Which actions to offer, from docs/domain.md §4. The server decides (a forbidden write answers FORBIDDEN and changes
 * nothing); the UI only hides what the user's roles and organizations cannot do, so a viewer sees no edit buttons.
 */
export interface Person {
  roles: readonly string[];
  orgs: readonly { id: string }[];
}

export interface TaskSides {
  leadOrgs: readonly { id: string; ancestors?: readonly { id: string }[] | null }[];
  cooperatingOrgs?: readonly { id: string }[] | null;
}

const has = (person: Person, role: string) => person.roles.includes(role);
const mine = (person: Person) => new Set(person.orgs.map((o) => o.id));

/** The user's organizations that lead or cooperate on the task: those they may submit a report for. */
export function reportingOrgs<T extends { id: string }>(
  person: Person,
  task: { leadOrgs: readonly T[]; cooperatingOrgs?: readonly T[] | null },
): T[] {
  const own = mine(person);
  const sides = [...task.leadOrgs, ...(task.cooperatingOrgs ?? [])];
  if (has(person, 'admin')) return sides;
  if (!has(person, 'planner') && !has(person, 'reporter')) return [];
  return sides.filter((o) => own.has(o.id));
}

export function canSubmitReport(person: Person, task: TaskSides): boolean {
  return reportingOrgs(person, task).length > 0;
}

/** Approve or return a report, change the task's status: the lead side (a planner also from above the lead). */
export function canReview(person: Person, task: TaskSides): boolean {
  if (has(person, 'admin')) return true;
  const own = mine(person);
  const leads = task.leadOrgs.some((o) => own.has(o.id));
  if (has(person, 'reporter') && leads) return true;
  if (has(person, 'planner')) {
    return leads || task.leadOrgs.some((o) => (o.ancestors ?? []).some((a) => own.has(a.id)));
  }
  return false;
}

interface Place {
  id: string;
  ancestors?: readonly { id: string }[] | null;
}

export interface IndicatorSides {
  responsibleOrgs?: readonly { id: string }[] | null;
  /** The plan's issuer: its region is the indicator's whole area. */
  issuer?: Place | null;
  /** The regions of the task-division table. */
  regions: readonly Place[];
}

/**
 * Where the user may record an observation (docs/domain.md §4, as indicator-service checks it): admin anywhere; a planner
 * or reporter anywhere when their organization is responsible for the indicator, else only a region at or below
 * their organization, the whole area counting as the issuer's region. Answers whether the whole area is allowed and
 * the ids of the allowed regions; nothing for a viewer.
 */
export function observationPlaces(person: Person, indicator: IndicatorSides): { wholeArea: boolean; regionIds: string[] } {
  const all = { wholeArea: true, regionIds: indicator.regions.map((r) => r.id) };
  if (has(person, 'admin')) return all;
  if (!has(person, 'planner') && !has(person, 'reporter')) return { wholeArea: false, regionIds: [] };
  const own = mine(person);
  if ((indicator.responsibleOrgs ?? []).some((o) => own.has(o.id))) return all;
  const atOrBelow = (place: Place) => own.has(place.id) || (place.ancestors ?? []).some((a) => own.has(a.id));
  return {
    wholeArea: !!indicator.issuer && atOrBelow(indicator.issuer),
    regionIds: indicator.regions.filter(atOrBelow).map((r) => r.id),
  };
}

export function canRecordObservation(person: Person, indicator: IndicatorSides): boolean {
  const places = observationPlaces(person, indicator);
  return places.wholeArea || places.regionIds.length > 0;
}

/** 组织机构: creating, renaming, replacing and ending organizations (and their Keycloak groups) is for admins only. */
export function canManageOrganizations(person: Person): boolean {
  return has(person, 'admin');
}

/** 成员: admins for every organization, department administrators (org-admin) for their own and those below. */
export function canManageStaff(person: Person, org?: Place): boolean {
  if (has(person, 'admin')) return true;
  if (!has(person, 'org-admin')) return false;
  if (!org) return true;
  const own = mine(person);
  return own.has(org.id) || (org.ancestors ?? []).some((a) => own.has(a.id));
}

/** Only admins appoint department administrators; these assign the three working roles. */
export function assignableStaffRoles(person: Person): StaffRoleName[] {
  return has(person, 'admin') ? ['PLANNER', 'REPORTER', 'VIEWER', 'ORG_ADMIN'] : ['PLANNER', 'REPORTER', 'VIEWER'];
}

export type StaffRoleName = 'PLANNER' | 'REPORTER' | 'VIEWER' | 'ORG_ADMIN';

/**
 * 导入: admins and planners. Which plans a planner may import depends on the document's issuer, known only once it is
 * read; the server answers FORBIDDEN for an issuer outside the planner's organizations.
 */
export function canImportPlans(person: Person): boolean {
  return has(person, 'admin') || has(person, 'planner');
}

/** Publish (or otherwise manage) a plan: admin, or a planner of the issuer or of an organization above it. */
export function canManagePlan(
  person: Person,
  plan: { issuer?: { id: string; ancestors?: readonly { id: string }[] | null } | null },
): boolean {
  if (has(person, 'admin')) return true;
  if (!has(person, 'planner') || !plan.issuer) return false;
  const own = mine(person);
  return own.has(plan.issuer.id) || (plan.issuer.ancestors ?? []).some((a) => own.has(a.id));
}

/**
 * 催办 on a task: admin, or a planner whose organization issued the plan or leads the task, or is above either
 * (reporters and viewers never).
 */
export function canRemind(
  person: Person,
  task: TaskSides,
  plan: { issuer?: { id: string; ancestors?: readonly { id: string }[] | null } | null },
): boolean {
  return canManagePlan(person, plan) || canReopenPeriods(person, task);
}

/**
 * Reopen a reporting period (undo an approval, extend a closed window): admin, or a planner of the lead side or above
 * it. A reporter of the lead may approve, but not undo an approval.
 */
export function canReopenPeriods(person: Person, task: TaskSides): boolean {
  return has(person, 'admin') || (has(person, 'planner') && canReview(person, task));
}

/** The realm roles the platform gives meaning to (Keycloak adds technical ones such as offline_access). */
export const PLATFORM_ROLES = ['admin', 'planner', 'reporter', 'viewer', 'org-admin'];

/** What the access token says about the account: its realm roles and the codes of its organizations. */
export interface AccountClaims {
  realm_access?: { roles?: string[] };
  org_codes?: string[];
}

/** The claims of a JWT access token; none when it cannot be read (the gateway decides anyway). */
export function accessTokenClaims(token: string | undefined): AccountClaims {
  try {
    const payload = (token ?? '').split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(payload), (c) => c.charCodeAt(0)))) as AccountClaims;
  } catch {
    return {};
  }
}

/**
 * 待分配: signed in (through 统一身份认证, say) but not yet placed in an organization with a platform role. The gateway
 * refuses such an account every read (PendingAccounts); the app says why instead of showing a refusal on every page.
 */
export function isPendingAccount(claims: AccountClaims): boolean {
  const roles = claims.realm_access?.roles ?? [];
  if (roles.includes('admin')) return false;
  return !roles.some((r) => PLATFORM_ROLES.includes(r)) || !claims.org_codes?.length;
}
