import type { PublicVehicleList } from '@showroom/contracts';
import { vehiclePath } from '../data/vehicle-paths';
import { vehicleTitle } from '../seo/structured-data';

/** schema.org ItemList of the cars on a results page, each by its page's URL, numbered across pages. */
export function resultsJsonLd(list: PublicVehicleList, urlOf: (path: string) => string): object {
  const first = (list.page - 1) * list.pageSize;
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    numberOfItems: list.total,
    itemListElement: list.items.map((vehicle, index) => ({
      '@type': 'ListItem',
      position: first + index + 1,
      url: urlOf(vehiclePath(vehicle)),
      name: vehicleTitle(vehicle),
    })),
  };
}
