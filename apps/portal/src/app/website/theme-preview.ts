import { DecimalPipe } from '@angular/common';
import { Component, computed, input } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';
import { MIN_BRAND_CONTRAST } from '@showroom/contracts';
import { contrastOnWhite } from './website-model';

/** A colour to paint with: the typed one when it is #RRGGBB, else a neutral grey (the field says why). */
const paintable = (colour: string) => (/^#[0-9a-fA-F]{6}$/.test(colour) ? colour : '#9e9e9e');

/**
 * What the storefront's header, a button and a price look like in these colours, with the contrast
 * of each against white: the dealer sees the WCAG rule before saving, not after a refusal.
 */
@Component({
  selector: 'sr-theme-preview',
  imports: [DecimalPipe, MatIconModule],
  template: `
    <div class="site" aria-hidden="true" data-testid="theme-preview">
      <div class="site__header" [style.background]="brand()">
        @if (logoUrl(); as logo) {
          <img class="site__logo" [src]="logo" alt="" />
        } @else {
          <span class="site__name">{{ name() }}</span>
        }
        <span class="site__nav">Cars · Contact</span>
      </div>
      <div class="site__body">
        @if (tagline()) {
          <p class="site__tagline">{{ tagline() }}</p>
        }
        <p class="site__car">2021 Honda Accord Sport</p>
        <p class="site__price" [style.color]="accent()">$24,990</p>
        <span class="site__button" [style.background]="brand()">Book a test drive</span>
      </div>
    </div>
    <ul class="checks" aria-label="Contrast of the colours">
      @for (check of checks(); track check.what) {
        <li class="check" [class.check--bad]="!check.ok" [attr.data-testid]="'contrast-' + check.id">
          <mat-icon [svgIcon]="check.ok ? 'check' : 'warning'" aria-hidden="true" />
          <span>
            {{ check.what }}:
            @if (check.ratio === null) {
              not a colour yet
            } @else {
              {{ check.ratio | number: '1.1-1' }}:1
              {{ check.ok ? '— readable' : '— too light, needs ' + minimum + ':1' }}
            }
          </span>
        </li>
      }
    </ul>
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }
    .site {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      overflow: hidden;
      background: #fff;
      color: #1b1b1f;
    }
    .site__header {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      padding: 12px 16px;
      color: #fff;
      min-height: 40px;
    }
    .site__logo {
      max-height: 40px;
      max-width: 160px;
      object-fit: contain;
    }
    .site__name {
      font-weight: 600;
      font-size: 18px;
    }
    .site__nav {
      font-size: 14px;
    }
    .site__body {
      padding: 12px 16px 16px;
    }
    .site__tagline {
      margin: 0 0 8px;
      color: #44474e;
    }
    .site__car {
      margin: 0;
      font-weight: 500;
    }
    .site__price {
      margin: 2px 0 12px;
      font-size: 22px;
      font-weight: 700;
    }
    .site__button {
      display: inline-block;
      padding: 8px 16px;
      border-radius: 20px;
      color: #fff;
      font-weight: 500;
    }
    .checks {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 4px;
      font: var(--mat-sys-body-medium);
    }
    .check {
      display: flex;
      align-items: center;
      gap: 8px;
    }
    .check mat-icon {
      width: 20px;
      height: 20px;
      flex: none;
      color: #1b6e34;
    }
    .check--bad {
      color: var(--mat-sys-error);
    }
    .check--bad mat-icon {
      color: var(--mat-sys-error);
    }
  `,
})
export class ThemePreview {
  readonly name = input.required<string>();
  readonly tagline = input<string>('');
  readonly brandColour = input.required<string>();
  readonly accentColour = input.required<string>();
  readonly logoUrl = input<string | null>(null);

  protected readonly minimum = MIN_BRAND_CONTRAST;
  protected readonly brand = computed(() => paintable(this.brandColour()));
  protected readonly accent = computed(() => paintable(this.accentColour()));
  protected readonly checks = computed(() =>
    [
      { id: 'brand', what: 'White text on the brand colour', ratio: contrastOnWhite(this.brandColour()) },
      { id: 'accent', what: 'Accent colour on white', ratio: contrastOnWhite(this.accentColour()) },
    ].map((check) => ({ ...check, ok: check.ratio !== null && check.ratio >= MIN_BRAND_CONTRAST })),
  );
}
