import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type {
  ChannelList,
  ChannelReport,
  PriceHistory,
  SyndicationChannel,
  SyndicationSettingsInput,
  SyndicationSettingsResponse,
} from '@showroom/contracts';
import type { Observable } from 'rxjs';

const BASE = '/api/inventory/syndication';

/** Syndication feeds and price history. The dealership header is added by the interceptor. */
@Injectable({ providedIn: 'root' })
export class SyndicationApi {
  private readonly http = inject(HttpClient);

  settings(): Observable<SyndicationSettingsResponse> {
    return this.http.get<SyndicationSettingsResponse>(`${BASE}/settings`);
  }

  /** Saving regenerates the feeds before it answers. */
  saveSettings(settings: SyndicationSettingsInput): Observable<SyndicationSettingsResponse> {
    return this.http.put<SyndicationSettingsResponse>(`${BASE}/settings`, settings);
  }

  channels(): Observable<ChannelList> {
    return this.http.get<ChannelList>(`${BASE}/channels`);
  }

  report(channel: SyndicationChannel): Observable<ChannelReport> {
    return this.http.get<ChannelReport>(`${BASE}/channels/${channel}/report`);
  }

  regenerate(): Observable<ChannelList> {
    return this.http.post<ChannelList>(`${BASE}/regenerate`, null);
  }

  rotateSecret(): Observable<ChannelList> {
    return this.http.post<ChannelList>(`${BASE}/rotate-secret`, null);
  }

  priceHistory(vehicleId: string): Observable<PriceHistory> {
    return this.http.get<PriceHistory>(
      `/api/inventory/vehicles/${encodeURIComponent(vehicleId)}/price-history`,
    );
  }
}
