import type { TFunction } from 'i18next';
import type { ApiProblem } from '../api/errors';

/**
 * org-service names the field and the rule in English (`parentCode: no organization has code x`); staff read the
 * rule in Chinese at that field. Rules this list does not know fall back to the generic message for the code.
 */
const RULES: readonly [RegExp, (t: TFunction, field: string, m: RegExpExecArray) => string][] = [
  [/no organization has code (\S+)/, (t, _f, m) => t('orgServerError.unknownCode', { code: m[1] })],
  [/cannot succeed itself/, (t) => t('orgServerError.selfSuccession')],
  // (the server's `…by succession; this would make a cycle` arrives cut at `; `, see fieldsOf)
  [/already leads to \S+ by succession/, (t) => t('orgServerError.successionCycle')],
  [/cannot be its own parent|is below/, (t) => t('orgServerError.parentCycle')],
  [/must be lower-case ASCII/, (t) => t('org.codeFormat')],
  [/must not be (blank|null|empty)|must be given/, (t, f) => t('org.required', { field: t(`field.${f}`, { defaultValue: f }) })],
  [/size must be between \d+ and (\d+)|at most (\d+) characters/, (t, f, m) => t('org.tooLong', { field: t(`field.${f}`, { defaultValue: f }), max: m[1] ?? m[2] })],
  [/is before validFrom/, (t) => t('orgServerError.endBeforeStart')],
];

/**
 * The messages to show at a form's fields for a refused write. `rename` maps a field the server names to the form's
 * own name for it (a succession's `validTo` is the form's `date`); `conflictField` is where a CONFLICT without a
 * field goes (a taken code on create), `undefined` to show it above the form only.
 */
export function orgFieldErrors(
  t: TFunction,
  problem: ApiProblem,
  formFields: readonly string[],
  { rename = {}, conflictField }: { rename?: Record<string, string>; conflictField?: string } = {},
): { name: string; errors: string[] }[] {
  if (problem.code === 'CONFLICT') {
    return conflictField && formFields.includes(conflictField) ? [{ name: conflictField, errors: [t('orgServerError.codeTaken')] }] : [];
  }
  if (problem.code !== 'BAD_USER_INPUT') return [];
  return Object.entries(problem.fields)
    .map(([field, rule]) => {
      const name = rename[field] ?? field;
      const known = RULES.map(([re, say]) => {
        const m = re.exec(rule);
        return m ? say(t, name, m) : null;
      }).find((x) => x !== null);
      return { name, errors: [known ?? t('fieldError.BAD_USER_INPUT.any')] };
    })
    .filter((f) => formFields.includes(f.name));
}
