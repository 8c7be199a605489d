import { Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { AuthClientConfig } from '@auth0/auth0-angular';
import type { MySignIns } from '@showroom/contracts';
import { UsersApi } from '../api/users-api';
import { Session } from '../core/session';
import { LoadState } from '../shared/load-state';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { passwordResetUrl } from './password-reset';
import { SignInList } from './sign-in-list';

/**
 * `/account` (Security): where and when the signed-in person signed in lately, so they notice a
 * sign-in that was not theirs, and the way to change their password at the identity provider.
 */
@Component({
  selector: 'sr-account-page',
  imports: [MatButtonModule, MatIconModule, ProblemTextPipe, SignInList],
  template: `
    <header class="page-header">
      <div>
        <h1 class="page-title">Security</h1>
        @if (session.me(); as me) {
          <p class="page-subtitle" data-testid="account-identity">{{ me.name }} · {{ me.email }}</p>
        }
      </div>
    </header>

    <section class="card" aria-labelledby="sign-ins-heading">
      <h2 id="sign-ins-heading" class="card__title">Your recent sign-ins</h2>
      @switch (status()) {
        @case ('loading') {
          <p class="muted" role="status">Loading your sign-ins…</p>
        }
        @case ('failed') {
          <div role="alert" data-testid="own-sign-ins-error">
            <p class="muted">Your sign-ins could not be loaded: {{ problem() | problemText }}</p>
            <button type="button" matButton="filled" (click)="load()">Try again</button>
          </div>
        }
        @default {
          @if (signIns(); as signIns) {
            <sr-sign-in-list
              [signIns]="signIns.items"
              [known]="signIns.signInsKnown"
              label="Your recent sign-ins"
            />
          }
        }
      }
      @if (resetUrl(); as resetUrl) {
        <p class="not-you" data-testid="not-you">
          <mat-icon svgIcon="lock" aria-hidden="true" />
          <span>
            Not you?
            <a [href]="resetUrl" target="_blank" rel="noopener" data-testid="reset-password-link"
              >Change your password</a
            >
            now, so that sign-in stops working.
          </span>
        </p>
      }
    </section>
  `,
  styles: `
    @use 'page';
    @use 'tokens';

    :host {
      display: grid;
      gap: 16px;
      max-width: 760px;
    }
    @include page.list-header;
    .card {
      @include page.surface;
      padding: 16px 20px;
      min-width: 0;
    }
    .card__title {
      font: var(--mat-sys-title-medium);
      margin: 0 0 12px;
    }
    .muted {
      margin: 0 0 8px;
      color: var(--mat-sys-on-surface-variant);
    }
    .not-you {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 16px 0 0;
      padding: 8px 12px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container);
    }
    .not-you mat-icon {
      flex: none;
    }
    .not-you a {
      color: var(--mat-sys-primary);
      font-weight: 500;
    }
    @media #{tokens.$phone} {
      .card {
        padding: 12px;
      }
    }
  `,
})
export class AccountPage {
  protected readonly session = inject(Session);
  private readonly usersApi = inject(UsersApi);
  private readonly destroyRef = inject(DestroyRef);

  private readonly loadState = new LoadState('loading', false);
  protected readonly status = this.loadState.status;
  protected readonly problem = this.loadState.problem;
  protected readonly signIns = signal<MySignIns | null>(null);
  /** The identity provider's domain is set at startup (config.json) and never changes after. */
  private readonly authDomain = inject(AuthClientConfig).get()?.domain;
  protected readonly resetUrl = computed(() =>
    this.authDomain ? passwordResetUrl(this.authDomain, this.session.me()?.email) : null,
  );

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadState
      .track(this.usersApi.signIns())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((signIns) => this.signIns.set(signIns));
  }
}
