import {
  ChangeDetectionStrategy,
  Component,
  RESPONSE_INIT,
  computed,
  effect,
  inject,
  input,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { Seo } from '../seo/seo';
import { SearchBox } from '../shared/search-box';

/**
 * "Not here": an unknown path, or a car that is sold or no longer listed. Answers 404 on the
 * server, so search engines drop the URL, and offers the way back to the cars.
 */
@Component({
  selector: 'sf-not-found-page',
  imports: [RouterLink, SearchBox],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="sf-wrap not-found">
      <h1>{{ heading() }}</h1>
      <p>{{ message() }}</p>
      <sf-search-box label="Search our cars" inputId="not-found-q" />
      <p class="actions">
        <a class="sf-button" routerLink="/cars">See all cars</a>
        <a class="sf-button secondary" routerLink="/">Home</a>
        <a class="sf-button secondary" routerLink="/contact">Contact us</a>
      </p>
    </div>
  `,
  styles: `
    .not-found {
      max-width: 40rem;
      padding-bottom: 2rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-top: 1.5rem;
    }
  `,
})
export class NotFoundPage {
  /** A car gone from the lot says so; any other path is simply not a page. */
  readonly vehicle = input(false);

  protected readonly heading = computed(() =>
    this.vehicle() ? 'This car is no longer available' : 'We could not find that page',
  );
  protected readonly message = computed(() =>
    this.vehicle()
      ? 'It may have been sold. Similar cars may still be on our lot — search below or see all our cars.'
      : 'The link may be old or mistyped. Search our cars or head back to the home page.',
  );

  constructor() {
    const responseInit = inject(RESPONSE_INIT, { optional: true });
    if (responseInit) responseInit.status = 404;
    const seo = inject(Seo);
    const router = inject(Router);
    effect(() =>
      seo.page({ title: this.heading(), description: this.message(), path: router.url, noindex: true }),
    );
  }
}
