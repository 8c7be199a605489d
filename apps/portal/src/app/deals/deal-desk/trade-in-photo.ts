import { Component, DestroyRef, inject, input, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatIconModule } from '@angular/material/icon';
import { DealsApi } from '../../api/deals-api';

/**
 * One trade-in photo. The desk's photo route wants the dealer's token, which an `<img src>` cannot
 * send: the bytes are fetched through the API client and shown from an object URL, freed on destroy.
 */
@Component({
  selector: 'sr-trade-in-photo',
  imports: [MatIconModule],
  template: `
    @switch (state()) {
      @case ('ready') {
        <a
          [href]="url()"
          target="_blank"
          rel="noopener"
          [attr.aria-label]="label() + ' (opens in a new tab)'"
        >
          <img [src]="url()" [alt]="label()" data-testid="trade-in-photo" />
        </a>
      }
      @case ('failed') {
        <span
          class="placeholder"
          role="img"
          [attr.aria-label]="label() + ' could not be loaded'"
          data-testid="trade-in-photo-failed"
        >
          <mat-icon svgIcon="photo" />
        </span>
      }
      @default {
        <span
          class="placeholder placeholder--loading"
          role="img"
          [attr.aria-label]="'Loading ' + label()"
        ></span>
      }
    }
  `,
  styles: `
    :host {
      display: block;
      aspect-ratio: 4 / 3;
      border-radius: 8px;
      overflow: hidden;
      background: var(--mat-sys-surface-container-high);
    }
    img {
      width: 100%;
      height: 100%;
      object-fit: cover;
      display: block;
    }
    .placeholder {
      display: grid;
      place-items: center;
      width: 100%;
      height: 100%;
      color: var(--mat-sys-outline);
    }
  `,
})
export class TradeInPhoto implements OnInit {
  readonly dealId = input.required<string>();
  readonly photoId = input.required<string>();
  readonly label = input('Trade-in photo');

  private readonly api = inject(DealsApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly state = signal<'loading' | 'ready' | 'failed'>('loading');
  protected readonly url = signal<string | null>(null);

  ngOnInit(): void {
    this.api
      .tradeInPhoto(this.dealId(), this.photoId())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (blob) => {
          // Test browsers without object URLs show the placeholder.
          if (typeof URL.createObjectURL !== 'function') return this.state.set('failed');
          this.url.set(URL.createObjectURL(blob));
          this.state.set('ready');
        },
        error: () => this.state.set('failed'),
      });
    this.destroyRef.onDestroy(() => {
      const url = this.url();
      if (url) URL.revokeObjectURL(url);
    });
  }
}
