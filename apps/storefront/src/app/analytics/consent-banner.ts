import { ChangeDetectionStrategy, Component, DOCUMENT, inject } from '@angular/core';
import { SITE } from '../site/site';
import { ShopperAnalytics } from './shopper-analytics';

/**
 * The analytics question of a dealership whose rule is opt-in: a plain region at the foot of the
 * screen, not a dialog — the shopper can ignore it and browse (nothing is counted until they
 * accept). Found by its landmark and heading; after an answer the focus goes to the page's content,
 * not to the top of the document.
 */
@Component({
  selector: 'sf-consent-banner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="banner" aria-labelledby="sf-consent-heading" data-testid="analytics-consent">
      <h2 id="sf-consent-heading">May we count your visit?</h2>
      <p>
        {{ site.name }} would like to count what visitors search for, which cars they look at and which forms
        they open, to stock the cars people want. No name, e-mail address or phone number is counted.
      </p>
      <div class="actions">
        <button type="button" class="sf-button" (click)="answer(true)">Allow</button>
        <button type="button" class="sf-button secondary" (click)="answer(false)">No, thanks</button>
      </div>
    </section>
  `,
  styles: `
    .banner {
      position: fixed;
      z-index: 10;
      inset-inline: 1rem;
      bottom: 1rem;
      max-width: 40rem;
      margin-inline: auto;
      padding: 1rem 1.25rem;
      background: #fff;
      color: var(--sf-text);
      border: 1px solid var(--sf-line);
      border-radius: 8px;
      box-shadow: 0 4px 24px rgb(0 0 0 / 18%);
    }
    h2 {
      margin: 0 0 0.5rem;
      font-size: 1.125rem;
    }
    p {
      margin: 0 0 1rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
    }
  `,
})
export class ConsentBanner {
  protected readonly site = inject(SITE);
  private readonly analytics = inject(ShopperAnalytics);
  private readonly document = inject(DOCUMENT);

  protected answer(allow: boolean): void {
    if (allow) this.analytics.grant();
    else this.analytics.deny();
    // The button that had the focus is gone with the banner.
    this.document.getElementById('main')?.focus({ preventScroll: true });
  }
}
