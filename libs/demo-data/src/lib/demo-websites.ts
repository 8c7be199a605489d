import type { OpeningHours, PostalAddress, SiteTheme } from '@showroom/contracts';
import { DEMO_DEALERSHIPS } from './demo-tenants';

/** What a demo dealership's website shows: the facts a dealer sets on the portal's Website page. */
export interface DemoWebsite {
  dealershipId: string;
  address: PostalAddress;
  phone: string;
  email: string;
  tagline: string;
  hours: OpeningHours;
  /** Dark enough for white text (brand) and to read on white (accent): WCAG AA, 4.5:1. */
  theme: SiteTheme;
}

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const hours = (weekday: [string, string], saturday: [string, string]): OpeningHours => [
  ...weekdays.map((day) => ({ day, opens: weekday[0], closes: weekday[1] })),
  { day: 'sat', opens: saturday[0], closes: saturday[1] },
];

const { downtown, northside, rival } = DEMO_DEALERSHIPS;

/** Phone numbers are in the 555-01xx range kept for fiction. */
export const DEMO_WEBSITES = {
  downtown: {
    dealershipId: downtown.id,
    address: { street: '250 N High St', city: 'Columbus', region: 'OH', postalCode: '43215', country: 'US' },
    phone: '(614) 555-0134',
    email: 'hello@downtown.demo.showroom.dev',
    tagline: 'Certified pre-owned cars in the heart of Columbus',
    hours: hours(['09:00', '20:00'], ['09:00', '18:00']),
    theme: { brandColour: '#0b3d91', accentColour: '#b3261e' },
  },
  northside: {
    dealershipId: northside.id,
    address: {
      street: '6600 Perimeter Dr',
      city: 'Dublin',
      region: 'OH',
      postalCode: '43016',
      country: 'US',
    },
    phone: '(614) 555-0178',
    email: 'hello@northside.demo.showroom.dev',
    tagline: 'Family SUVs and trucks, test drives seven minutes from I-270',
    hours: hours(['09:00', '19:00'], ['10:00', '17:00']),
    theme: { brandColour: '#1b5e20', accentColour: '#8a4b00' },
  },
  rival: {
    dealershipId: rival.id,
    address: {
      street: '1200 E Washington St',
      city: 'Indianapolis',
      region: 'IN',
      postalCode: '46202',
      country: 'US',
    },
    phone: '(317) 555-0112',
    email: 'sales@rival.showroom.dev',
    tagline: 'Indy’s no-haggle used car lot',
    hours: hours(['08:30', '19:00'], ['10:00', '17:00']),
    theme: { brandColour: '#4a148c', accentColour: '#ad1457' },
  },
} as const satisfies Record<keyof typeof DEMO_DEALERSHIPS, DemoWebsite>;

export const ALL_DEMO_WEBSITES: readonly DemoWebsite[] = Object.values(DEMO_WEBSITES);
