import { randomInt } from 'node:crypto';

/** A shopper nobody has been before: a run-unique name, e-mail and phone. */
export interface TestShopper {
  firstName: string;
  /** `E2E-<timestamp><2 digits>`: what the stories search the inbox for. */
  lastName: string;
  /** "Web E2E-176433821512345", as the portal shows the shopper. */
  name: string;
  email: string;
  /** 13 digits (`+44 <11 digits>`), unique like the rest: phones match duplicates too. */
  phone: string;
}

let last = 0;

/**
 * A shopper of this run only. A lead's duplicates are matched by e-mail or phone over 30 days, so
 * both are unique (from the time in ms, plus two random digits for runs started in the same ms):
 * a story's lead never attaches to one left behind by an earlier run.
 */
export function freshShopper(firstName = 'Web'): TestShopper {
  last = Math.max(last + 1, Date.now());
  const stamp = `${last}${randomInt(10, 100)}`;
  const lastName = `E2E-${stamp}`;
  return {
    firstName,
    lastName,
    name: `${firstName} ${lastName}`,
    email: `e2e-${stamp}@example.com`,
    phone: `+44 ${stamp.slice(-11)}`,
  };
}
