import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { SITE } from '../site/site';
import { telHref } from '../shared/contact-links';

/** The dealership's logo (or name), the site's few sections and the phone, on the brand colour. */
@Component({
  selector: 'sf-site-header',
  imports: [RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <header class="bar">
      <div class="sf-wrap inner">
        <a class="brand" routerLink="/" [attr.aria-label]="site.name + ', home'">
          @if (site.logo; as logo) {
            <picture>
              <source type="image/webp" [attr.srcset]="logo.webpUrl" />
              <img
                [src]="logo.url"
                [attr.width]="logo.width"
                [attr.height]="logo.height"
                alt=""
                class="logo"
              />
            </picture>
          } @else {
            <span class="name">{{ site.name }}</span>
          }
        </a>
        <nav aria-label="Main">
          <ul>
            <li><a routerLink="/cars" routerLinkActive="active" ariaCurrentWhenActive="page">Cars</a></li>
            <li>
              <a routerLink="/contact" routerLinkActive="active" ariaCurrentWhenActive="page">Contact</a>
            </li>
            @if (site.phone; as phone) {
              <li>
                <a class="phone" [href]="tel(phone)"
                  ><span class="sf-visually-hidden">Call </span>{{ phone }}</a
                >
              </li>
            }
          </ul>
        </nav>
      </div>
    </header>
  `,
  styles: `
    .bar {
      background: var(--sf-brand);
      color: #fff;
    }
    .inner {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.25rem 1rem;
      min-height: 56px;
    }
    a {
      color: #fff;
      text-decoration: none;
      display: inline-flex;
      align-items: center;
      min-height: 44px;
    }
    a:focus-visible {
      outline: 3px solid #fff;
      outline-offset: 2px;
    }
    .logo {
      display: block;
      height: 40px;
      width: auto;
      max-width: 180px;
      object-fit: contain;
    }
    .name {
      font-size: 1.125rem;
      font-weight: 700;
    }
    ul {
      display: flex;
      gap: 0.25rem 1rem;
      list-style: none;
      margin: 0;
      padding: 0;
    }
    nav a {
      padding: 0 0.25rem;
      border-bottom: 2px solid transparent;
    }
    nav a:hover,
    nav a.active {
      border-bottom-color: #fff;
    }
    .phone {
      font-weight: 700;
      white-space: nowrap;
    }
  `,
})
export class SiteHeader {
  protected readonly site = inject(SITE);
  protected readonly tel = telHref;
}
