import type { PublicVehicle } from '@showroom/contracts';

type Named = Pick<PublicVehicle, 'year' | 'make' | 'model' | 'trim'>;

/** The readable part of a vehicle's URL: year-make-model-trim, lower case, ASCII, dashes. */
export function vehicleSlug(vehicle: Named): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim ?? '']
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The canonical path of a vehicle's page: `/cars/<id>/<slug>`. */
export function vehiclePath(vehicle: Named & Pick<PublicVehicle, 'id'>): string {
  return `/cars/${vehicle.id}/${vehicleSlug(vehicle)}`;
}
