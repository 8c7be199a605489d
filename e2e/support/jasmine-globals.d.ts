// The Jasmine 2.8 globals the specs use (Protractor 7 runs Jasmine 2.8 through jasminewd2).
// Protractor ships typings for browser, element, by and $, but not for these, and neither
// @types/jasmine nor @types/jasminewd2 is installed. Once they are (devDependencies, then
// `"types": ["node", "jasmine", "jasminewd2"]` in e2e/tsconfig.json), delete this file.

type SpecAction = () => Promise<void> | void;

declare function describe(description: string, specDefinitions: () => void): void;
declare function it(expectation: string, assertion: SpecAction, timeout?: number): void;
declare function beforeAll(action: SpecAction, timeout?: number): void;
declare function afterAll(action: SpecAction, timeout?: number): void;
declare function beforeEach(action: SpecAction, timeout?: number): void;
declare function afterEach(action: SpecAction, timeout?: number): void;
declare function fail(error?: unknown): void;
/** Marks the running spec pending (skipped, with the reason in the report). */
declare function pending(reason?: string): void;
declare function expect<T>(actual: T): jasmine.Matchers<T>;

declare namespace jasmine {
  interface Matchers<T> {
    not: Matchers<T>;
    toBe(expected: T): void;
    toEqual(expected: T): void;
    toContain(expected: T extends readonly (infer E)[] ? E : string): void;
    toMatch(expected: string | RegExp): void;
    toBeGreaterThan(expected: number): void;
    toBeTruthy(): void;
    toBeFalsy(): void;
  }
}
