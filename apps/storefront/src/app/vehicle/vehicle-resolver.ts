import { HttpErrorResponse } from '@angular/common/http';
import { EnvironmentInjector, RESPONSE_INIT, inject, runInInjectionContext } from '@angular/core';
import type { RedirectCommand, ResolveFn } from '@angular/router';
import type { PublicVehicleDetail } from '@showroom/contracts';
import { catchError, map, of } from 'rxjs';
import { permanentRedirect } from '../data/canonical-redirect';
import { InventoryApi } from '../data/inventory-api';
import { vehiclePath, vehicleSlug } from '../data/vehicle-paths';

/** Route data naming the page of a car under its URL (e.g. `/buy`), kept when the slug is corrected. */
export const PAGE_OF_CAR = 'pageOfCar';

/** What a vehicle URL leads to: the car, no such car (sold, unpublished, never was), or a failure. */
export type VehicleLookup =
  { found: true; vehicle: PublicVehicleDetail } | { found: false; reason: 'missing' | 'unavailable' };

/**
 * Reads the car of /cars/:vehicleId/:slug before the page shows. A wrong or missing slug is a
 * permanent redirect to the car's one URL; a car the shop no longer shows answers 404 (so search
 * engines drop it), and a failing inventory 503 (so no cache keeps the error as the page).
 */
export const vehicleResolver: ResolveFn<VehicleLookup | RedirectCommand> = (route) => {
  const injector = inject(EnvironmentInjector);
  const responseInit = inject(RESPONSE_INIT, { optional: true });
  const fail = (status: number, reason: 'missing' | 'unavailable'): VehicleLookup => {
    if (responseInit) responseInit.status = status;
    return { found: false, reason };
  };
  return inject(InventoryApi)
    .vehicle(route.paramMap.get('vehicleId') ?? '')
    .pipe(
      map((vehicle): VehicleLookup | RedirectCommand =>
        route.paramMap.get('slug') === vehicleSlug(vehicle)
          ? { found: true, vehicle }
          : runInInjectionContext(injector, () =>
              permanentRedirect(
                `${vehiclePath(vehicle)}${(route.data[PAGE_OF_CAR] as string | undefined) ?? ''}`,
              ),
            ),
      ),
      catchError((error: unknown) => {
        const status = error instanceof HttpErrorResponse ? error.status : 0;
        // 400: an id that is not one (a mangled link); for the shopper, the same as a car that is gone.
        return of(status === 404 || status === 400 ? fail(404, 'missing') : fail(503, 'unavailable'));
      }),
    );
};
