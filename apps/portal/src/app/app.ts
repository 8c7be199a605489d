import { Component, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, NavigationError, Router, RouterOutlet } from '@angular/router';
import { filter, take } from 'rxjs';

/**
 * The root stays tiny (it is in the initial bundle): a router outlet, and a "signing you in" state
 * while the first navigation waits for Auth0 (login redirect, callback, loading the dealer).
 */
@Component({
  selector: 'sr-root',
  imports: [RouterOutlet],
  template: `
    @switch (boot()) {
      @case ('pending') {
        <div class="boot" role="status" aria-live="polite" data-testid="signing-in">
          <div class="boot__brand">Showroom</div>
          <div class="sr-spinner" aria-hidden="true"></div>
          <p class="boot__text">Signing you in…</p>
        </div>
      }
      @case ('failed') {
        <div class="boot" role="alert">
          <div class="boot__brand">Showroom</div>
          <p class="boot__text">This page could not be loaded. Check your connection, then reload.</p>
          <button type="button" class="boot__retry" (click)="reload()">Reload</button>
        </div>
      }
    }
    <router-outlet />
  `,
  styles: `
    .boot {
      position: fixed;
      inset: 0;
      display: grid;
      place-content: center;
      justify-items: center;
      gap: 16px;
      background: var(--mat-sys-surface);
      color: var(--mat-sys-on-surface-variant);
      z-index: 10;
    }
    .boot__brand {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
      font-weight: 600;
      letter-spacing: 0.02em;
    }
    .boot__text {
      margin: 0;
      font: var(--mat-sys-body-large);
      text-align: center;
      max-width: 32ch;
    }
    .boot__retry {
      font: var(--mat-sys-label-large);
      padding: 10px 24px;
      border: 0;
      border-radius: 20px;
      background: var(--mat-sys-primary);
      color: var(--mat-sys-on-primary);
      cursor: pointer;
    }
  `,
})
export class App {
  /** A cancelled first navigation is the guard sending the dealer to sign in: keep "pending". */
  protected readonly boot = signal<'pending' | 'done' | 'failed'>('pending');

  constructor() {
    inject(Router)
      .events.pipe(
        filter((event) => event instanceof NavigationEnd || event instanceof NavigationError),
        take(1),
        takeUntilDestroyed(),
      )
      .subscribe((event) => this.boot.set(event instanceof NavigationEnd ? 'done' : 'failed'));
  }

  protected reload(): void {
    window.location.reload();
  }
}
