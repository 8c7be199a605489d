import type { AnalyticsEvent, VehicleCondition } from '@showroom/contracts';
import {
  atHourOf,
  DAY_MS,
  demoDays,
  demoEvent,
  demoUuid,
  Dice,
  diceFor,
  HOUR_MS,
} from './demo-analytics-parts';
import type { DemoDealership } from './demo-tenants';
import { generateDemoVehicles, seedFromText } from './demo-vehicles';

/** The inventory seed's lot size per demo dealership (services/inventory seeds this many, same generator). */
export const DEMO_LOT_SIZE = 60;

/** A demo vehicle's life on the lot, as analytics hears of it. */
export interface DemoVehicleLife {
  vehicleId: string;
  make: string;
  model: string;
  year: number;
  condition: VehicleCondition;
  listedAt: Date;
  listPriceCents: number;
  /** The markdown a car that sat a few weeks got. */
  priceDrop: { at: Date; priceCents: number } | null;
  soldAt: Date | null;
  /** Wholesaled at auction after sitting too long. */
  removedAt: Date | null;
  /**
   * On the lot today as the inventory seed inserts it: inventory's outbox announces its listing
   * (at today's price), so the history leaves its listing to inventory.
   */
  listedByInventory: boolean;
}

/** The vehicle's id as the demo history names it: the same dealership and stock number, the same id. */
export const demoVehicleId = (dealershipId: string, stockNumber: string): string =>
  demoUuid(`vehicle:${dealershipId}:${stockNumber.toUpperCase()}`);

export const priceAt = (car: DemoVehicleLife, at: Date): number =>
  car.priceDrop && car.priceDrop.at <= at ? car.priceDrop.priceCents : car.listPriceCents;

/** Whether the car was on the lot (listed, not yet sold or removed) at `at`. */
export const onLotAt = (car: DemoVehicleLife, at: Date): boolean =>
  car.listedAt <= at && !(car.soldAt && car.soldAt <= at) && !(car.removedAt && car.removedAt <= at);

interface LotPlan {
  /** Chance that a day of the window saw a car sold (besides today's lot's), its buyer among the leads. */
  soldPerDay: number;
  /** Chance that a day saw a car wholesaled after sitting for months. */
  wholesalePerDay: number;
}

/**
 * The lot over the window: today's cars exactly as the inventory seed lists them (same generator,
 * seed, serials and age, so the dashboard's aging matches the inventory page), plus the cars sold
 * and wholesaled on the window's days, which the seed no longer shows. A car that sat over a month was
 * marked down once; today's price is the inventory's price.
 */
export function demoLot(
  dealership: DemoDealership,
  index: number,
  now: Date,
  windowDays: number,
  plan: LotPlan,
): DemoVehicleLife[] {
  const dice = diceFor(`analytics-lot:${dealership.slug}`);
  const currentYear = now.getUTCFullYear();
  const today = generateDemoVehicles({
    count: DEMO_LOT_SIZE,
    seed: seedFromText(dealership.slug),
    currentYear,
    serialOffset: index * 10_000,
  });
  const lot: DemoVehicleLife[] = today.map((car) => {
    const listedAt = new Date(now.getTime() - car.ageDays * DAY_MS);
    // The seed keeps a few cars marked sold: they left the lot some days after arriving.
    const soldAt =
      car.status !== 'sold'
        ? null
        : car.ageDays > 2
          ? new Date(listedAt.getTime() + dice.int(1, car.ageDays - 1) * DAY_MS + dice.int(1, 8) * HOUR_MS)
          : new Date((listedAt.getTime() + now.getTime()) / 2);
    const story = life(dice, demoVehicleId(dealership.id, car.stockNumber), car, listedAt, soldAt, null, now);
    // Inventory lists today's cars at today's price: no markdown story for them.
    return soldAt
      ? story
      : {
          ...story,
          listPriceCents: car.priceCents ?? story.listPriceCents,
          priceDrop: null,
          listedByInventory: true,
        };
  });

  // Earlier cars, gone before today: each day of the window draws its own from that day's dice,
  // so a day's sales are the same whenever the history is generated.
  for (const day of demoDays(now, windowDays)) {
    const dayDice = diceFor(`analytics-lot:${dealership.slug}:${day}`);
    const sold = (dayDice.chance(plan.soldPerDay) ? 1 : 0) + (dayDice.chance(plan.soldPerDay / 4) ? 1 : 0);
    const wholesaled = dayDice.chance(plan.wholesalePerDay) ? 1 : 0;
    if (sold + wholesaled === 0) continue;
    const cars = generateDemoVehicles({
      count: sold + wholesaled,
      seed: seedFromText(`${dealership.slug}:earlier:${day}`),
      currentYear: Number(day.slice(0, 4)),
      serialOffset: index * 10_000 + 5_000,
    });
    cars.forEach((car, k) => {
      const wholesale = k >= sold;
      const leftAt = atHourOf(day, 9.5 + dayDice.roll() * 9);
      // Most sell within a few weeks of arriving; wholesale goes after 95 days or more.
      const daysOnLot = wholesale
        ? dayDice.int(95, 130)
        : 3 + Math.floor(dayDice.roll() * dayDice.roll() * 100);
      const listedAt = new Date(leftAt.getTime() - (daysOnLot + dayDice.roll() * 0.9) * DAY_MS);
      // A car leaving later today is still on the lot now; a later seed tells its sale.
      if (leftAt > now) return;
      const vehicleId = demoVehicleId(dealership.id, `H-${day}-${k}`);
      lot.push(
        life(dayDice, vehicleId, car, listedAt, wholesale ? null : leftAt, wholesale ? leftAt : null, now),
      );
    });
  }
  return lot;
}

function life(
  dice: Dice,
  vehicleId: string,
  car: { make: string; model: string; year: number; condition: VehicleCondition; priceCents?: number | null },
  listedAt: Date,
  soldAt: Date | null,
  removedAt: Date | null,
  now: Date,
): DemoVehicleLife {
  const priceCents = car.priceCents ?? 2_500_000;
  const leftAt = soldAt ?? removedAt ?? now;
  const sat = (leftAt.getTime() - listedAt.getTime()) / DAY_MS;
  const markedDown = sat > 35 && dice.chance(0.7);
  const dropCents = dice.int(5, 25) * 10_000;
  return {
    vehicleId,
    make: car.make,
    model: car.model,
    year: car.year,
    condition: car.condition,
    listedAt,
    listPriceCents: markedDown ? priceCents + dropCents : priceCents,
    priceDrop: markedDown
      ? {
          at: new Date(listedAt.getTime() + dice.int(21, 34) * DAY_MS + dice.int(0, 8) * HOUR_MS),
          priceCents,
        }
      : null,
    soldAt,
    removedAt,
    listedByInventory: false,
  };
}

/** Whole days between listing and leaving, as inventory reports them. */
const daysBetween = (from: Date, to: Date): number => Math.floor((to.getTime() - from.getTime()) / DAY_MS);

/**
 * vehicle_listed, _price_changed, _sold and _removed for each car, as inventory's outbox would send
 * them; the listings of today's lot only with `lotListings` (inventory sends those itself).
 */
export function lotEvents(
  dealership: DemoDealership,
  lot: readonly DemoVehicleLife[],
  lotListings: boolean,
): AnalyticsEvent[] {
  const events: AnalyticsEvent[] = [];
  for (const car of lot) {
    if (car.listedByInventory && !lotListings) continue;
    const key = `vehicle:${car.vehicleId}`;
    const fields = {
      vehicleId: car.vehicleId,
      listedAt: car.listedAt.toISOString(),
      vehicleCondition: car.condition,
      make: car.make,
      model: car.model,
      year: car.year,
    };
    events.push(
      demoEvent(dealership, `${key}:listed`, 'vehicle_listed', car.listedAt, {
        ...fields,
        priceCents: car.listPriceCents,
      }),
    );
    if (car.priceDrop) {
      events.push(
        demoEvent(dealership, `${key}:price`, 'vehicle_price_changed', car.priceDrop.at, {
          ...fields,
          priceCents: car.priceDrop.priceCents,
        }),
      );
    }
    if (car.soldAt) {
      events.push(
        demoEvent(dealership, `${key}:sold`, 'vehicle_sold', car.soldAt, {
          ...fields,
          priceCents: priceAt(car, car.soldAt),
          daysOnLot: daysBetween(car.listedAt, car.soldAt),
        }),
      );
    }
    if (car.removedAt) {
      events.push(
        demoEvent(dealership, `${key}:removed`, 'vehicle_removed', car.removedAt, {
          ...fields,
          priceCents: priceAt(car, car.removedAt),
          daysOnLot: daysBetween(car.listedAt, car.removedAt),
        }),
      );
    }
  }
  return events;
}
