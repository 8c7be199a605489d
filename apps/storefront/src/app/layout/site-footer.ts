import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { SITE } from '../site/site';
import { DealershipContact } from '../shared/dealership-contact';

@Component({
  selector: 'sf-site-footer',
  imports: [DealershipContact, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <footer>
      <div class="sf-wrap">
        <h2 class="sf-visually-hidden">Visit or call {{ site.name }}</h2>
        <sf-dealership-contact [compact]="true" />
        <p class="small">
          <a routerLink="/cars">All cars</a> · <a routerLink="/contact">Contact us</a> <br />© {{ year }}
          {{ site.name }}
        </p>
      </div>
    </footer>
  `,
  styles: `
    footer {
      margin-top: 3rem;
      padding: 2rem 0 1.5rem;
      background: var(--sf-muted-bg);
      border-top: 1px solid var(--sf-line);
    }
    .small {
      margin: 1.5rem 0 0;
      font-size: 0.875rem;
      color: var(--sf-muted);
    }
    .small a {
      color: inherit;
      display: inline-block;
      padding: 0.75rem 0;
    }
  `,
})
export class SiteFooter {
  protected readonly site = inject(SITE);
  protected readonly year = new Date().getUTCFullYear();
}
