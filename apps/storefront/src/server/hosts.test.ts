import { describe, expect, it } from 'vitest';
import { siteHostOf } from './hosts';

describe('the site host of a request', () => {
  it('is the Host header in lower case, without port or trailing dot', () => {
    expect(siteHostOf('Demo-Motors.LOCALHOST:4400')).toBe('demo-motors.localhost');
    expect(siteHostOf('www.demo-motors.com.')).toBe('www.demo-motors.com');
    expect(siteHostOf('www.demo-motors.com')).toBe('www.demo-motors.com');
  });

  it('is nothing for what cannot be a published host, so S3 is never asked for it', () => {
    for (const header of [
      undefined,
      '',
      '[::1]:4400',
      'a/../../etc',
      'bad_host',
      '-lead.example.com',
      'x'.repeat(254),
    ]) {
      expect(siteHostOf(header), String(header)).toBeNull();
    }
  });
});
