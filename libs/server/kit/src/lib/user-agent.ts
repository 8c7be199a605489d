import Bowser from 'bowser';

/**
 * "Chrome 156 on Linux", from a User-Agent header; what was sent when it names no browser. The
 * login alert and a person's list of their own sign-ins describe a device the same way.
 */
export function describeDevice(userAgent: string): string {
  const sent = userAgent.trim().slice(0, 200);
  if (!sent) return 'an unknown browser or program (it sent no User-Agent)';
  const summary = summarised(sent);
  if (summary) return summary;
  const { browser, os } = Bowser.parse(sent);
  if (!browser.name) return `an unknown browser or program (User-Agent "${sent}")`;
  const version = browser.version?.split('.')[0];
  const system = [os.name, os.versionName ?? os.version].filter(Boolean).join(' ');
  return `${browser.name}${version ? ` ${version}` : ''}${system ? ` on ${system}` : ''}`;
}

/** A User-Agent summarised already as "Chrome 78.0.3904 / Mac OS X 10.14.6" (Auth0's tenant logs). */
const SUMMARY = /^([A-Za-z][\w .-]*?) (\d+)(?:\.\d+)* \/ (.+?)(?: (\d+)(?:\.\d+)*)?$/;

function summarised(sent: string): string | undefined {
  const [, name, major, system, systemMajor] = SUMMARY.exec(sent) ?? [];
  if (!name || !major || !system) return undefined;
  return `${name} ${major} on ${system}${systemMajor && systemMajor !== '0' ? ` ${systemMajor}` : ''}`;
}
