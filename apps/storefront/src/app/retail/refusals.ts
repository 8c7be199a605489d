import { HttpErrorResponse } from '@angular/common/http';
import type { Problem } from '@showroom/contracts';

/** A refused request as a form shows it: messages at the fields it names, the rest said once. */
export interface Refusal<F extends string> {
  fields: Partial<Record<F, string>>;
  general: string | null;
}

/**
 * Places an API refusal on a form. `fieldOf` maps the problem's parameter names (dotted body
 * paths, e.g. `shopper.email` or `applicant.residence.city`) to the form's fields, null for none.
 * Problems without fields (429, 404, a network failure, a 5xx) become one sentence, with the
 * dealership's phone number as the way out.
 */
export function refusalOf<F extends string>(
  error: unknown,
  fieldOf: (name: string) => F | null,
  dealership: { name: string; phone: string | null },
): Refusal<F> {
  const status = error instanceof HttpErrorResponse ? error.status : 0;
  const problem =
    error instanceof HttpErrorResponse && typeof error.error === 'object'
      ? (error.error as Partial<Problem> | null)
      : null;
  const call = dealership.phone ? ` or call us at ${dealership.phone}` : '';
  if (status === 400 || status === 409 || status === 422) {
    const fields: Partial<Record<F, string>> = {};
    const unplaced: string[] = [];
    for (const param of problem?.invalidParams ?? []) {
      const field = fieldOf(param.name.replace(/^body\./, ''));
      if (field && !fields[field]) fields[field] = sentence(param.reason);
      else if (!field) unplaced.push(sentence(param.reason));
    }
    const general =
      unplaced.length > 0
        ? unplaced.join(' ')
        : Object.keys(fields).length === 0
          ? (problem?.detail ?? problem?.title ?? `This was refused. Please check and try again${call}.`)
          : null;
    return { fields, general };
  }
  if (status === 429)
    return {
      fields: {},
      general: `Many requests came from here just now. Please wait a minute and try again${call}.`,
    };
  if (status === 404)
    return {
      fields: {},
      general: `We could not find this deal. Open the link from your e-mail again${call}.`,
    };
  if (status === 0)
    return {
      fields: {},
      general: `We could not reach ${dealership.name}. Check your connection and try again${call}.`,
    };
  return { fields: {}, general: `Sorry, that did not work. Please try again${call}.` };
}

export function sentence(reason: string): string {
  const text = reason.trim();
  return text ? `${text[0]?.toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}` : text;
}

/** Said in a form's live region: the general message, then how many fields need attention. */
export function announcementOf(fieldErrors: number, general: string | null): string {
  if (fieldErrors === 0) return general ?? '';
  const fields = fieldErrors === 1 ? '1 field needs' : `${fieldErrors} fields need`;
  return `${general ? `${general} ` : ''}${fields} your attention.`;
}
