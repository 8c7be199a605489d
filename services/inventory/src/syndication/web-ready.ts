import {
  vinProblem,
  type ExcludedVehicle,
  type ExclusionReason,
  type WebReadyRule,
} from '@showroom/contracts';
import { vehicleTitle, type FeedVehicle } from './feed-vehicle';

export interface FeedSelection {
  included: FeedVehicle[];
  excluded: ExcludedVehicle[];
}

/**
 * Splits the dealership's cars on the lot into those a feed carries and those it leaves out, each
 * with every reason (a dealer fixes them all at once). Channels refuse a VIN that appears twice, so
 * every car sharing a VIN stays out until the dealer removes the duplicate.
 */
export function selectForFeed(
  vehicles: readonly FeedVehicle[],
  rule: WebReadyRule & { requireExteriorColor?: boolean },
): FeedSelection {
  const vinCounts = new Map<string, number>();
  for (const vehicle of vehicles) vinCounts.set(vehicle.vin, (vinCounts.get(vehicle.vin) ?? 0) + 1);
  const included: FeedVehicle[] = [];
  const excluded: ExcludedVehicle[] = [];
  for (const vehicle of vehicles) {
    const reasons = exclusionReasons(vehicle, rule, (vinCounts.get(vehicle.vin) ?? 0) > 1);
    if (reasons.length === 0) included.push(vehicle);
    else
      excluded.push({
        vehicleId: vehicle.id,
        stockNumber: vehicle.stockNumber,
        vin: vehicle.vin,
        title: vehicleTitle(vehicle),
        reasons,
      });
  }
  return { included, excluded };
}

function exclusionReasons(
  vehicle: FeedVehicle,
  rule: WebReadyRule & { requireExteriorColor?: boolean },
  duplicateVin: boolean,
): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  if (vehicle.status !== 'available') reasons.push('not_for_sale');
  if (!vehicle.published) reasons.push('unpublished');
  if (rule.requirePrice && vehicle.priceCents === null) reasons.push('no_price');
  const photos = vehicle.photoUrls.length;
  if (rule.minPhotos > 0 && photos === 0) reasons.push('no_photos');
  else if (photos < rule.minPhotos) reasons.push('too_few_photos');
  if (rule.requireDescription && !vehicle.description?.trim()) reasons.push('no_description');
  if (vinProblem(vehicle.vin) !== null) reasons.push('invalid_vin');
  if (duplicateVin) reasons.push('duplicate_vin');
  if (rule.requireExteriorColor && !vehicle.exteriorColor?.trim()) reasons.push('no_exterior_color');
  return reasons;
}
