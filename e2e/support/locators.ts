import { by, type Locator } from 'protractor';

// `by.formControl(name)` is registered in protractor.conf.cjs (by.model is AngularJS-only): it matches
// reactive-form inputs by their `formcontrolname` or `name` attribute. This tells TypeScript about it.
declare module 'protractor/built/locators' {
  interface ProtractorBy {
    formControl(name: string): Locator;
  }
}

/** `[data-testid="…"]`: the hooks the portal keeps for QA (apps/portal/README.md). */
export const testId = (id: string): string => `[data-testid="${id}"]`;

export const formControl = (name: string): Locator => by.formControl(name);
