import type { PublicVehicleDetail } from '@showroom/contracts';
import {
  BODY_STYLE_LABELS,
  CONDITION_LABELS,
  DRIVETRAIN_LABELS,
  FUEL_TYPE_LABELS,
  TRANSMISSION_LABELS,
} from '../shared/labels';
import { formatMileage } from '../shared/format';

export interface VehicleFact {
  label: string;
  value: string;
}

/** The key facts of a car in the order a shopper scans them; what the dealer left empty is left out. */
export function vehicleFacts(vehicle: PublicVehicleDetail): VehicleFact[] {
  const facts: [string, string | null | undefined][] = [
    ['Condition', CONDITION_LABELS[vehicle.condition]],
    ['Year', String(vehicle.year)],
    ['Make', vehicle.make],
    ['Model', vehicle.model],
    ['Trim', vehicle.trim],
    ['Mileage', formatMileage(vehicle.mileage)],
    ['Body style', vehicle.bodyStyle && BODY_STYLE_LABELS[vehicle.bodyStyle]],
    ['Exterior color', vehicle.exteriorColor],
    ['Interior color', vehicle.interiorColor],
    ['Engine', vehicle.engine],
    ['Transmission', vehicle.transmission && TRANSMISSION_LABELS[vehicle.transmission]],
    ['Drivetrain', vehicle.drivetrain && DRIVETRAIN_LABELS[vehicle.drivetrain]],
    ['Fuel', vehicle.fuelType && FUEL_TYPE_LABELS[vehicle.fuelType]],
    ['VIN', vehicle.vin],
    ['Stock number', vehicle.stockNumber],
  ];
  return facts
    .filter((fact): fact is [string, string] => typeof fact[1] === 'string' && fact[1].trim() !== '')
    .map(([label, value]) => ({ label, value }));
}
