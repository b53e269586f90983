import { Alert } from 'antd';
import type { FormInstance } from 'antd';
import { ApiProblem, NetworkProblem } from '../api/problem';
import { useI18n } from '../i18n/i18n';

/** A failed call, in the server's own words (its bilingual catalogue), or the UI's words for a network failure. */
export function ProblemAlert({ error, fieldsShown = [] }: { error: unknown; fieldsShown?: readonly string[] }) {
  const { t, text } = useI18n();
  if (!error) return null;
  if (error instanceof ApiProblem) {
    const others = (error.problem.errors ?? []).filter((e) => !fieldsShown.includes(e.field));
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={error.problem.messages ? text(error.problem.messages) : error.message}
        description={others.length > 0 ? <ul className="problem-fields">{others.map((e) => <li key={e.field + e.code}>{text(e.messages)}</li>)}</ul> : undefined}
      />
    );
  }
  return <Alert type="error" showIcon role="alert" title={error instanceof NetworkProblem ? t('common.network_error') : String((error as Error)?.message ?? error)} />;
}

/** The API's field path (`petitioner.fullName`, `coPetitioners.0.phone`) as an antd form name path. */
export function fieldPath(apiField: string): (string | number)[] {
  return apiField.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/**
 * Puts the API's field errors under the fields they name (the server's words) and returns the names it placed,
 * so that ProblemAlert lists only the rest. Nothing the user typed is lost.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, lang: 'vi' | 'en'): string[] {
  if (!(error instanceof ApiProblem)) return [];
  const known = new Set(
    Object.keys(flatten(form.getFieldsValue(true) as Record<string, unknown>)),
  );
  const placed: string[] = [];
  const fields = (error.problem.errors ?? [])
    .filter((e) => known.has(e.field) || [...known].some((k) => k.startsWith(`${e.field}.`)))
    .map((e) => {
      placed.push(e.field);
      return { name: fieldPath(e.field), errors: [e.messages[lang]] };
    });
  form.setFields(fields);
  return placed;
}

function flatten(value: unknown, prefix = '', out: Record<string, unknown> = {}): Record<string, unknown> {
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
    if (prefix) out[prefix] = value;
  } else if (prefix) out[prefix] = value;
  return out;
}
