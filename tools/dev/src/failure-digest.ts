// CI keeps only the tail of `npm test`'s output, where Nx names the failed project but not the
// failed test. The digest collects the test runners' failure lines as they stream past so the
// summary can repeat them at the very end.

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/**
 * Vitest's "FAIL  file > suite > test" lines, its unhandled errors (which fail a run without failing
 * a test) and the file they came from, and Jasmine's "1) suite spec" under its "Failures:".
 */
const VITEST_FAILURE = /^\s*FAIL\s+\S.*>|^Vitest caught \d+ unhandled error|^This error originated in "/;
const JASMINE_FAILURES_HEADER = /^Failures:$/;
const JASMINE_FAILURE = /^\d+\) \S/;

/** The first line that says why, within this many lines after a failure line. */
const REASON_WITHIN = 6;
const REASON = /^\s*(\w*Error\b|Expected|expected|Failed:|Timeout)/;

export class FailureDigest {
  private readonly failures: string[] = [];
  private awaitingReason = 0;
  private inJasmineFailures = false;

  constructor(private readonly limit = 12) {}

  /** At most `limit` failure lines, each followed by its reason when one came close after it. */
  lines(): readonly string[] {
    return this.failures;
  }

  /** One line of a runner's output, colours and all. */
  consider(raw: string): void {
    const line = raw.replace(ANSI, '').trimEnd();
    if (this.failures.length >= this.limit) return;
    if (JASMINE_FAILURES_HEADER.test(line)) this.inJasmineFailures = true;
    if (VITEST_FAILURE.test(line) || (this.inJasmineFailures && JASMINE_FAILURE.test(line))) {
      const trimmed = line.trim();
      if (!this.failures.includes(trimmed)) {
        this.failures.push(trimmed);
        this.awaitingReason = REASON_WITHIN;
      } else this.awaitingReason = 0;
      return;
    }
    if (this.awaitingReason === 0) return;
    this.awaitingReason--;
    if (REASON.test(line)) {
      this.failures.push(`    ${line.trim().slice(0, 300)}`);
      this.awaitingReason = 0;
    }
  }
}
