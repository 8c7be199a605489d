import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ProtectionProduct,
  ProtectionProductInput,
  RetailSettings,
  RetailSettingsUpdate,
  ValuationGrid,
} from '@showroom/contracts';
import { map, type Observable } from 'rxjs';
import { ifMatchOf } from './website-api';

const BASE = '/api/retail';

/** The active dealership's retail settings, product menu and trade valuation grid (retail:configure). */
@Injectable({ providedIn: 'root' })
export class RetailSettingsApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<RetailSettings> {
    return this.http.get<RetailSettings>(`${BASE}/settings`);
  }

  /** Answers 412 when someone else saved since `version` was read. */
  updateSettings(version: number, update: RetailSettingsUpdate): Observable<RetailSettings> {
    return this.http.put<RetailSettings>(`${BASE}/settings`, update, { headers: ifMatchOf(version) });
  }

  products(): Observable<ProtectionProduct[]> {
    return this.http.get<{ items: ProtectionProduct[] }>(`${BASE}/products`).pipe(map((list) => list.items));
  }

  createProduct(input: ProtectionProductInput): Observable<ProtectionProduct> {
    return this.http.post<ProtectionProduct>(`${BASE}/products`, input);
  }

  updateProduct(productId: string, input: ProtectionProductInput): Observable<ProtectionProduct> {
    return this.http.put<ProtectionProduct>(`${BASE}/products/${encodeURIComponent(productId)}`, input);
  }

  deleteProduct(productId: string): Observable<void> {
    return this.http.delete(`${BASE}/products/${encodeURIComponent(productId)}`).pipe(map(() => undefined));
  }

  valuationGrid(): Observable<ValuationGrid> {
    return this.http.get<ValuationGrid>(`${BASE}/valuation-grid`);
  }

  saveValuationGrid(grid: ValuationGrid): Observable<ValuationGrid> {
    return this.http.put<ValuationGrid>(`${BASE}/valuation-grid`, grid);
  }
}
