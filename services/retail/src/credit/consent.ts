import { CREDIT_CONSENT_TEXT, CREDIT_CONSENT_VERSION } from '@showroom/contracts';

/** Every consent text applicants have accepted, by version: an application shows the words it accepted. */
const CONSENT_TEXTS: Readonly<Record<string, string>> = {
  [CREDIT_CONSENT_VERSION]: CREDIT_CONSENT_TEXT,
};

/** The consent text of a version an application was accepted under. */
export function consentTextOf(version: string): string {
  const text = CONSENT_TEXTS[version];
  if (text === undefined) throw new Error(`no consent text is kept for version ${version}`);
  return text;
}
