import { DOCUMENT, Injectable, inject } from '@angular/core';

/** Leaving the site in this tab (to the payment provider's page). Its own service so specs can watch it. */
@Injectable({ providedIn: 'root' })
export class ExternalNavigation {
  private readonly document = inject(DOCUMENT);

  go(url: string): void {
    this.document.location.assign(url);
  }
}
