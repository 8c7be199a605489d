import {
  NO_ADJUSTMENTS,
  PROBLEM_TYPES,
  type DealVehicle,
  type Quote,
  type QuoteRequest,
  type RetailTerms,
} from '@showroom/contracts';
import { HttpProblem, problems } from '@showroom/server-kit';
import { QuoteError, quoteDeal } from '@showroom/retail-payments';

/** Inventory: the car as a shopper may buy it (VehicleCatalog.forSale; cached there). */
export interface QuoteVehicles {
  forSale(dealershipId: string, vehicleId: string): Promise<DealVehicle | null>;
}

/** Settings: the dealership's terms now (RetailTermsSource; cached there). */
export interface QuoteTermsSource {
  of(dealershipId: string): Promise<RetailTerms>;
}

/** A structure the dealership's terms cannot quote: 422 naming the field of the request. */
export function unquotable(error: QuoteError): HttpProblem {
  return new HttpProblem(
    422,
    PROBLEM_TYPES.validation,
    'Cannot be quoted',
    `The dealership’s terms cannot quote this: ${error.message}`,
    [{ name: `body.${error.field}`, reason: error.message }],
  );
}

/**
 * A shopper's payment estimate for a car on the dealership's website, computed with the price
 * inventory lists (never one the browser sends) and the dealership's terms. Both are cached, so a
 * warm quote is arithmetic only.
 */
export class ShopperQuotes {
  constructor(
    private readonly vehicles: QuoteVehicles,
    private readonly terms: QuoteTermsSource,
  ) {}

  async quote(dealershipId: string, request: QuoteRequest): Promise<Quote> {
    const [vehicle, terms] = await Promise.all([
      this.vehicles.forSale(dealershipId, request.vehicleId),
      this.terms.of(dealershipId),
    ]);
    if (!vehicle) throw problems.notFound('A vehicle for sale with this id at this dealership');
    try {
      return quoteDeal({
        vehicle: { priceCents: vehicle.priceCents, msrpCents: vehicle.msrpCents },
        structure: request.structure,
        trade: request.trade,
        terms,
        adjustments: NO_ADJUSTMENTS,
      });
    } catch (error) {
      if (error instanceof QuoteError) throw unquotable(error);
      throw error;
    }
  }
}
