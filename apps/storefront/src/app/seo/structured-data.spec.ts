import { site, vehicle } from '../shared/testing/fixtures';
import { autoDealerJsonLd, carJsonLd } from './structured-data';

const pageUrl = 'http://demo-motors-downtown.localhost:4400/cars/x/2021-toyota-camry';

describe('the AutoDealer of a site', () => {
  it('names the dealership with its address, phone, hours grouped by equal times, and site', () => {
    const dealer = autoDealerJsonLd(site()) as Record<string, unknown>;
    expect(dealer).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'AutoDealer',
      '@id': 'http://demo-motors-downtown.localhost:4400/#dealer',
      name: 'Demo Motors Downtown',
      url: 'http://demo-motors-downtown.localhost:4400/',
      telephone: '(512) 555-0100',
      address: {
        '@type': 'PostalAddress',
        streetAddress: '100 Congress Ave',
        addressLocality: 'Austin',
        addressRegion: 'TX',
        postalCode: '78701',
        addressCountry: 'US',
      },
    });
    expect(dealer['openingHoursSpecification']).toEqual([
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'].map(
          (d) => `https://schema.org/${d}`,
        ),
        opens: '09:00',
        closes: '19:00',
      },
      {
        '@type': 'OpeningHoursSpecification',
        dayOfWeek: ['https://schema.org/Saturday'],
        opens: '10:00',
        closes: '17:00',
      },
    ]);
  });

  it('carries the logo when there is one and leaves out what the dealer did not set', () => {
    const logo = {
      url: 'http://localhost:4200/media/logo.png',
      webpUrl: 'http://localhost:4200/media/logo.webp',
      width: 200,
      height: 60,
    };
    const dealer = autoDealerJsonLd(site({ logo, phone: null, address: null, hours: [] })) as Record<
      string,
      unknown
    >;
    expect(dealer['logo']).toBe(logo.url);
    expect(Object.keys(dealer)).not.toEqual(expect.arrayContaining(['telephone']));
    expect('address' in dealer || 'openingHoursSpecification' in dealer).toBe(false);
  });
});

describe('the Car of a vehicle page', () => {
  it('gives VIN, odometer in miles, condition, brand, model, year and an Offer sold by the dealer', () => {
    const car = vehicle({ condition: 'used', priceCents: 2_349_900, currency: 'USD', mileage: 31_250 });
    expect(carJsonLd(site(), car, pageUrl)).toMatchObject({
      '@type': 'Car',
      vehicleIdentificationNumber: car.vin,
      mileageFromOdometer: { '@type': 'QuantitativeValue', value: 31_250, unitCode: 'SMI' },
      itemCondition: 'https://schema.org/UsedCondition',
      brand: { '@type': 'Brand', name: car.make },
      model: car.model,
      vehicleModelDate: String(car.year),
      url: pageUrl,
      offers: {
        '@type': 'Offer',
        price: 23_499,
        priceCurrency: 'USD',
        availability: 'https://schema.org/InStock',
        url: pageUrl,
        seller: { '@type': 'AutoDealer', '@id': 'http://demo-motors-downtown.localhost:4400/#dealer' },
      },
    });
  });

  it('calls a new car new and a certified one used', () => {
    expect(carJsonLd(site(), vehicle({ condition: 'new' }), pageUrl)).toMatchObject({
      itemCondition: 'https://schema.org/NewCondition',
    });
    expect(carJsonLd(site(), vehicle({ condition: 'certified' }), pageUrl)).toMatchObject({
      itemCondition: 'https://schema.org/UsedCondition',
    });
  });

  it('makes no offer for a car without a price (an Offer without one is an error to search engines)', () => {
    expect(carJsonLd(site(), vehicle({ priceCents: null }), pageUrl)).not.toHaveProperty('offers');
  });
});
