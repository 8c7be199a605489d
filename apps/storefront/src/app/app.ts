import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ElementRef,
  afterNextRender,
  inject,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { filter, map } from 'rxjs';
import { ConsentBanner } from './analytics/consent-banner';
import { ShopperAnalytics } from './analytics/shopper-analytics';
import { SiteFooter } from './layout/site-footer';
import { SiteHeader } from './layout/site-header';
import { Seo } from './seo/seo';
import { autoDealerJsonLd } from './seo/structured-data';
import { SITE } from './site/site';

@Component({
  selector: 'sf-root',
  imports: [RouterOutlet, SiteHeader, SiteFooter, ConsentBanner],
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    // The dealership's colours, published with its site, reach every component as custom properties.
    '[style.--sf-brand]': 'site.theme.brandColour',
    '[style.--sf-accent]': 'site.theme.accentColour',
  },
  template: `
    <a class="sf-skip-link" [attr.href]="skipHref()" (click)="skipToMain($event)">Skip to main content</a>
    <sf-site-header />
    <main id="main" tabindex="-1" #main>
      <router-outlet />
    </main>
    <!-- Rendered on the server with the page, hydrated only once scrolled to (incremental hydration). -->
    @defer (on immediate; hydrate on viewport) {
      <sf-site-footer />
    }
    <!-- Only in the browser, only when the dealership's rule asks: the banner's code loads then. -->
    @defer (when analytics.consentNeeded()) {
      @if (analytics.consentNeeded()) {
        <sf-consent-banner />
      }
    }
  `,
})
export class App {
  protected readonly site = inject(SITE);
  protected readonly analytics = inject(ShopperAnalytics);
  private readonly router = inject(Router);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  // The page's own path + #main (not a bare "#main", which <base href="/"> would turn into the home page).
  protected readonly skipHref = toSignal(
    this.router.events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((event) => `${event.urlAfterRedirects.split('#')[0]}#main`),
    ),
    { initialValue: '#main' },
  );

  constructor() {
    // Every page names the dealership it belongs to (a car's offer points at it by @id).
    inject(Seo).structuredData('dealer', autoDealerJsonLd(this.site));
    // For end-to-end tests (zoneless: no testability API): typing before hydration would be lost.
    const document = inject(DOCUMENT);
    afterNextRender(() => {
      document.documentElement.dataset['hydrated'] = 'true';
      // The visit starts in the browser once the page is up (never on the server render).
      void this.analytics.begin();
    });

    // A new page (not a new query of the same page: a facet, a sort) moves the focus to its content,
    // so a screen reader starts reading it and the next Tab is inside it, as after a page load.
    let path: string | null = null;
    this.router.events.pipe(filter((event) => event instanceof NavigationEnd)).subscribe((event) => {
      const next = event.urlAfterRedirects.split(/[?#]/)[0] ?? '';
      if (path !== null && next !== path) this.main().nativeElement.focus({ preventScroll: true });
      path = next;
    });
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
