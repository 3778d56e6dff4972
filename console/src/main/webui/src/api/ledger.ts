import type { UserManager } from 'oidc-client-ts';
import { freshAccessToken } from '../auth/auth';

/**
 * Downloads a ledger (台账) from the gateway's `/ledger/…` beside its `/graphql`, with the bearer token (a plain link
 * cannot send one), and saves it under the name the server gives (`<title>-台账-<date>.xlsx`, RFC 6266 filename*).
 */
export async function downloadLedger(graphqlUrl: string, userManager: UserManager, path: string): Promise<string> {
  const url = graphqlUrl.replace(/\/graphql\/?$/, '') + path;
  const token = await freshAccessToken(userManager);
  const response = await fetch(url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!response.ok) {
    let code = `HTTP ${response.status}`;
    try {
      const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      code = body.errors?.[0]?.extensions?.code ?? code;
    } catch {
      // not JSON: the status says enough
    }
    throw new Error(code);
  }
  const name = fileName(response.headers.get('Content-Disposition')) ?? 'ledger.xlsx';
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = name;
  link.click();
  URL.revokeObjectURL(link.href);
  return name;
}

/** The file name of a Content-Disposition header: `filename*` (UTF-8, percent-encoded) first, else `filename`. */
export function fileName(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const extended = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (extended) return decodeURIComponent(extended[1]);
  return /filename="([^"]+)"/i.exec(disposition)?.[1];
}

/**
 * The filters of a task list screen, as `/ledger/tasks.xlsx` takes them: the root `tasks` query's (planId, orgId,
 * role, health, status, dueBefore, dueAfter, search, sortBy, order), or with `mine` those of `myTasks` (我的任务: the
 * caller's organizations, with reportDue and returned).
 */
export interface TaskListFilters {
  mine?: boolean;
  planId?: string;
  orgId?: string;
  role?: string;
  health?: string;
  status?: readonly string[];
  dueBefore?: string;
  dueAfter?: string;
  search?: string;
  reportDue?: boolean;
  returned?: boolean;
  sortBy?: string;
  order?: string;
}

/** The ledger of the task list a screen shows: its filters as URL parameters (absent ones left out). */
export function taskLedgerPath(filters: TaskListFilters): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) {
    if (value == null || value === '' || value === false) continue;
    for (const one of Array.isArray(value) ? value : [value]) params.append(name, String(one));
  }
  const query = params.toString();
  return '/ledger/tasks.xlsx' + (query ? `?${query}` : '');
}
