import { describe, expect, it } from 'vitest';
import { FailureDigest } from './failure-digest';

const digestOf = (output: string, limit?: number) => {
  const digest = new FailureDigest(limit);
  for (const line of output.split('\n')) digest.consider(line);
  return digest.lines();
};

describe('FailureDigest', () => {
  it('names each failed Vitest test once, with the first line that says why', () => {
    const output = [
      ' ✓ src/catalog.test.ts (12 tests) 3021ms',
      '\u001b[31m × src/syndication.test.ts > syndication > a change reaches the feeds 20012ms\u001b[39m',
      '⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯',
      '',
      '\u001b[41m FAIL \u001b[49m src/syndication.test.ts > syndication > a change reaches the feeds',
      'Error: aborted',
      ' ❯ readFeed src/syndication.test.ts:40:11',
      ' FAIL  src/syndication.test.ts > syndication > a change reaches the feeds',
      ' Test Files  1 failed | 30 passed (31)',
    ].join('\n');

    expect(digestOf(output)).toEqual([
      'FAIL  src/syndication.test.ts > syndication > a change reaches the feeds',
      '    Error: aborted',
    ]);
  });

  it('names Jasmine failures from the Failures block of a Protractor run, with their message', () => {
    const output = [
      'Started',
      '1) not a failure, before the block',
      'Failures:',
      '1) Leads inbox shows a new web lead',
      '  Message:',
      '    Expected 0 to be 1.',
      '  Stack:',
      '2 specs, 1 failure',
    ].join('\n');

    expect(digestOf(output)).toEqual(['1) Leads inbox shows a new web lead', '    Expected 0 to be 1.']);
  });

  it('names an unhandled error, which fails a Vitest run without failing a test, and the file it came from', () => {
    const output = [
      '⎯⎯⎯⎯⎯⎯ Unhandled Errors ⎯⎯⎯⎯⎯⎯',
      '',
      'Vitest caught 1 unhandled error during the test run.',
      'This might cause false positive tests. Resolve unhandled errors to make sure your tests are not affected.',
      '',
      '⎯⎯⎯⎯⎯ Uncaught Exception ⎯⎯⎯⎯⎯',
      "Error: ENOENT: no such file or directory, open '/tmp/s3/feeds/marketplace.csv._S3rver_object'",
      '⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯',
      "Serialized Error: { errno: -2, code: 'ENOENT' }",
      'This error originated in "src/syndication/publisher-locks.test.ts" test file. It doesn\'t mean the error was thrown inside the file itself.',
      ' Test Files  66 passed (66)',
    ].join('\n');

    expect(digestOf(output)).toEqual([
      'Vitest caught 1 unhandled error during the test run.',
      "    Error: ENOENT: no such file or directory, open '/tmp/s3/feeds/marketplace.csv._S3rver_object'",
      'This error originated in "src/syndication/publisher-locks.test.ts" test file. It doesn\'t mean the error was thrown inside the file itself.',
    ]);
  });

  it('keeps no more than its limit, so the tail CI keeps stays short', () => {
    const output = Array.from({ length: 30 }, (_, i) => ` FAIL  src/a.test.ts > t${i}`).join('\n');

    expect(digestOf(output, 5)).toHaveLength(5);
  });

  it('reports nothing for a passing run', () => {
    expect(
      digestOf(' ✓ src/a.test.ts (3 tests)\n Test Files  1 passed (1)\n      Tests  3 passed (3)'),
    ).toEqual([]);
  });
});
