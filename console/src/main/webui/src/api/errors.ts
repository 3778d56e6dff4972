import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import i18n from '../i18n';

/** One problem the API reported, in words for staff, with the form field it belongs to when the API named one. */
export interface ApiProblem {
  code: string;
  message: string;
  /** Fields the server named (`percent: must be …` → `percent`), to show the message at the right input. */
  fields: Record<string, string>;
  /** The server's own wording (English, for support), shown small under the message. */
  detail?: string;
}

const KNOWN_CODES = [
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_USER_INPUT',
  'UNAVAILABLE',
  'UNAUTHENTICATED',
  'SUBGRAPH_TIMEOUT',
  'SUBGRAPH_UNAVAILABLE',
  'SUBGRAPH_BAD_RESPONSE',
  'SUPERGRAPH_NOT_READY',
  'GRAPHQL_VALIDATION_FAILED',
  'NETWORK',
] as const;

function codeOf(code: unknown): string {
  return typeof code === 'string' && (KNOWN_CODES as readonly string[]).includes(code) ? code : 'UNKNOWN';
}

/**
 * The server names fields in BAD_USER_INPUT messages as `path: rule`, several joined by `; `
 * (e.g. `comment: returning a report needs a comment saying what to fix`).
 */
export function fieldsOf(message: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z][\w.[\]]*):\s*(.+)$/.exec(part.trim());
    if (match) {
      const path = match[1].split('.');
      fields[path[path.length - 1].replace(/\[\d+\]$/, '')] = match[2];
    }
  }
  return fields;
}

/** Turns whatever Apollo reports (GraphQL errors, an HTTP status, a network failure) into one problem for staff. */
export function describeError(error: unknown): ApiProblem {
  const t = i18n.t.bind(i18n);
  if (CombinedGraphQLErrors.is(error)) {
    const first = error.errors[0];
    const code = codeOf(first?.extensions?.code);
    const serverMessage = first?.message ?? '';
    const fields = code === 'BAD_USER_INPUT' || code === 'CONFLICT' ? fieldsOf(serverMessage) : {};
    const named = Object.keys(fields).map((f) => t(`field.${f}`, { defaultValue: f }));
    const message =
      code === 'BAD_USER_INPUT' && named.length > 0
        ? t('error.BAD_USER_INPUT_FIELDS', { fields: named.join('、') })
        : t(`error.${code}`);
    return { code, message, fields, detail: serverMessage || undefined };
  }
  if (ServerError.is(error)) {
    const code = error.statusCode === 401 ? 'UNAUTHENTICATED' : error.statusCode === 403 ? 'FORBIDDEN' : 'UNKNOWN';
    return { code, message: t(`error.${code}`), fields: {}, detail: `HTTP ${error.statusCode}` };
  }
  if (error instanceof TypeError) {
    return { code: 'NETWORK', message: t('error.NETWORK'), fields: {}, detail: error.message };
  }
  return {
    code: 'UNKNOWN',
    message: t('error.UNKNOWN'),
    fields: {},
    detail: error instanceof Error ? error.message : undefined,
  };
}
