import type { PublicVehicle } from '@showroom/contracts';

type Named = Pick<PublicVehicle, 'id' | 'year' | 'make' | 'model' | 'trim'>;

/**
 * The readable part of a vehicle's URL: year-make-model-trim, lower case ASCII, so
 * "2021 Škoda Octavia RS 245" becomes "2021-skoda-octavia-rs-245". The id decides which car it is;
 * the server answers a wrong slug with a 301 to this one.
 */
export function vehicleSlug(vehicle: Named): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim ?? '']
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The vehicle page's path: /cars/<id>/<slug>. */
export function vehiclePath(vehicle: Named): string {
  return `/cars/${vehicle.id}/${vehicleSlug(vehicle)}`;
}

/** "2021 Toyota Camry SE": how the pages name a car. */
export function vehicleTitle(vehicle: Pick<PublicVehicle, 'year' | 'make' | 'model' | 'trim'>): string {
  return [vehicle.year, vehicle.make, vehicle.model, vehicle.trim].filter(Boolean).join(' ');
}
