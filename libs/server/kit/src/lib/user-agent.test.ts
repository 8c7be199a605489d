import { describe, expect, it } from 'vitest';
import { describeDevice } from './user-agent';

describe('The browser and system are read from the User-Agent', () => {
  it('names common browsers, and says what an unknown program sent', () => {
    expect(
      describeDevice(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 17 on iOS 17.4');
    expect(
      describeDevice(
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
      ),
    ).toBe('Chrome 156 on Linux');
    expect(describeDevice('Chrome 78.0.3904 / Mac OS X 10.14.6')).toBe('Chrome 78 on Mac OS X 10');
    expect(describeDevice('Firefox 120.0.0 / Linux 0.0.0')).toBe('Firefox 120 on Linux');
    expect(describeDevice('curl/8.5.0')).toBe('an unknown browser or program (User-Agent "curl/8.5.0")');
    expect(describeDevice('')).toBe('an unknown browser or program (it sent no User-Agent)');
  });
});
