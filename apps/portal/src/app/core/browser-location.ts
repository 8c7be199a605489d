import { Injectable } from '@angular/core';

/** Leaving the portal for another site (the identity provider's pages); tests replace it. */
@Injectable({ providedIn: 'root' })
export class BrowserLocation {
  assign(url: string): void {
    window.location.assign(url);
  }
}
