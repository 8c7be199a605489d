import { InjectionToken } from '@angular/core';

/** The current time; a token so a test can stand at a known moment of the dealership's week. */
export const NOW = new InjectionToken<() => Date>('NOW', {
  providedIn: 'root',
  factory: () => () => new Date(),
});
