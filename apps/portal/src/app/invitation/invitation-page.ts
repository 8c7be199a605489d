import { Component, DestroyRef, inject, input, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { AuthService } from '@auth0/auth0-angular';
import type { InvitationAccepted, InvitationPreview, Problem } from '@showroom/contracts';
import { filter, switchMap } from 'rxjs';
import { InvitationApi } from '../api/invitation-api';
import { BrowserLocation } from '../core/browser-location';
import { problemOf } from '../core/problem';
import { ExactTimePipe } from '../leads/shared/time-pipes';
import { ProblemTextPipe } from '../shared/problem-text.pipe';
import { roleWithArticle } from '../team/team-model';

type InvitationState = 'loading' | 'ready' | 'accepting' | 'leaving' | 'invalid' | 'gone' | 'failed';

/**
 * `/invitations/:token`, outside the signed-in portal (no sign-in guard: the invitee has no account
 * yet). Says who invited them where and as what; accepting sends a new person to set a first password
 * at the identity provider, and someone who has an account to sign in there.
 */
@Component({
  selector: 'sr-invitation-page',
  imports: [ExactTimePipe, MatButtonModule, MatProgressSpinnerModule, ProblemTextPipe],
  template: `
    <main class="invitation" id="main">
      <div class="brand">Showroom</div>
      @switch (state()) {
        @case ('loading') {
          <div class="state" role="status">
            <mat-spinner diameter="40" />
            <p>Opening your invitation…</p>
          </div>
        }
        @case ('invalid') {
          <section class="state" role="alert" data-testid="invitation-invalid">
            <h1>This invitation link does not work</h1>
            <p>
              Check that you opened the whole link from the e-mail. If it still does not work, ask the
              dealership that invited you for a new invitation.
            </p>
          </section>
        }
        @case ('gone') {
          <section class="state" role="alert" data-testid="invitation-gone">
            <h1>This invitation can no longer be used</h1>
            <!-- The service's words name whom to ask; without them, the page says it. -->
            @if (goneDetail(); as detail) {
              <p data-testid="invitation-gone-detail">{{ detail }}</p>
            } @else {
              <p>
                Ask {{ preview()?.dealershipName ?? 'the dealership that invited you' }} for a new invitation.
              </p>
            }
            <p>If you already joined, sign in instead.</p>
            <button type="button" matButton="outlined" data-testid="invitation-sign-in" (click)="signIn()">
              Sign in
            </button>
          </section>
        }
        @case ('failed') {
          <section class="state" role="alert" data-testid="invitation-error">
            <h1>Your invitation could not be opened</h1>
            <p>{{ problem() | problemText }}</p>
            <button type="button" matButton="filled" (click)="reload()">Try again</button>
          </section>
        }
        @default {
          @if (preview(); as preview) {
            <section class="card" aria-labelledby="invitation-heading" data-testid="invitation-preview">
              <h1 id="invitation-heading" class="headline" data-testid="invitation-headline">
                {{ preview.invitedByName }} invited you to join {{ preview.dealershipName }} as
                {{ roleWithArticle(preview.role) }}
              </h1>
              <dl class="facts">
                <dt>Your e-mail</dt>
                <dd data-testid="invitation-email">{{ preview.email }}</dd>
                <dt>Link valid until</dt>
                <dd>{{ preview.expiresAt | exactTime }}</dd>
              </dl>
              <p class="help">
                Accepting makes you a member. If you are new to Showroom, you choose your password next; if
                you have an account already, you sign in with it.
              </p>
              @if (acceptProblem(); as acceptProblem) {
                <p class="error" role="alert" data-testid="accept-error">
                  The invitation was not accepted: {{ acceptProblem | problemText }}
                </p>
              }
              <button
                type="button"
                matButton="filled"
                class="accept"
                data-testid="accept-invitation"
                [disabled]="state() !== 'ready'"
                (click)="accept()"
              >
                @switch (state()) {
                  @case ('accepting') {
                    Accepting…
                  }
                  @case ('leaving') {
                    Taking you on…
                  }
                  @default {
                    Accept invitation
                  }
                }
              </button>
            </section>
          }
        }
      }
    </main>
  `,
  styles: `
    .invitation {
      max-width: 520px;
      margin: 10vh auto 0;
      padding: 24px 16px;
      display: grid;
      gap: 16px;
      box-sizing: border-box;
    }
    .brand {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
      font-weight: 600;
      text-align: center;
    }
    .state {
      display: grid;
      justify-items: center;
      gap: 8px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
      margin: 0;
    }
    .card {
      display: grid;
      gap: 16px;
      padding: 24px;
      border-radius: 16px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    .headline {
      overflow-wrap: anywhere;
    }
    .facts {
      display: grid;
      grid-template-columns: max-content minmax(0, 1fr);
      gap: 6px 16px;
      margin: 0;
    }
    .facts dt {
      color: var(--mat-sys-on-surface-variant);
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .help {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      margin: 0;
      color: var(--mat-sys-error);
    }
    .accept {
      justify-self: start;
    }
    @media (max-width: 719.98px) {
      .invitation {
        margin-top: 24px;
      }
      .card {
        padding: 16px;
      }
      .accept {
        justify-self: stretch;
      }
    }
  `,
})
export class InvitationPage {
  readonly token = input.required<string>();

  private readonly api = inject(InvitationApi);
  private readonly auth = inject(AuthService);
  private readonly location = inject(BrowserLocation);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly state = signal<InvitationState>('loading');
  protected readonly preview = signal<InvitationPreview | null>(null);
  protected readonly problem = signal<Problem | null>(null);
  /** The service's words for a used link (410): accepted, revoked or expired. */
  protected readonly goneDetail = signal<string | null>(null);
  protected readonly acceptProblem = signal<Problem | null>(null);
  protected readonly roleWithArticle = roleWithArticle;

  constructor() {
    toObservable(this.token)
      .pipe(
        filter((token) => !!token),
        switchMap((token) => {
          this.state.set('loading');
          return this.api.preview(token);
        }),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (preview) => {
          this.preview.set(preview);
          this.state.set('ready');
        },
        error: (error: unknown) => this.refused(problemOf(error)),
      });
  }

  protected reload(): void {
    this.state.set('loading');
    this.api
      .preview(this.token())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (preview) => {
          this.preview.set(preview);
          this.state.set('ready');
        },
        error: (error: unknown) => this.refused(problemOf(error)),
      });
  }

  protected accept(): void {
    if (this.state() !== 'ready') return;
    this.state.set('accepting');
    this.acceptProblem.set(null);
    this.api
      .accept(this.token())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (accepted) => this.goOn(accepted),
        error: (error: unknown) => {
          const problem = problemOf(error);
          if (problem.status === 404 || problem.status === 410) {
            this.refused(problem);
            return;
          }
          this.acceptProblem.set(problem);
          this.state.set('ready');
        },
      });
  }

  protected signIn(): void {
    this.auth.loginWithRedirect({ appState: { target: '/inventory' } }).subscribe();
  }

  /** A new account chooses its password at the identity provider; an existing one signs in there. */
  private goOn(accepted: InvitationAccepted): void {
    this.state.set('leaving');
    if (accepted.next === 'set-password' && accepted.passwordUrl) {
      this.location.assign(accepted.passwordUrl);
      return;
    }
    this.auth
      .loginWithRedirect({
        appState: { target: '/inventory' },
        authorizationParams: { login_hint: accepted.email },
      })
      .subscribe();
  }

  private refused(problem: Problem): void {
    this.problem.set(problem);
    if (problem.status === 404) this.state.set('invalid');
    else if (problem.status === 410) {
      this.goneDetail.set(problem.detail ?? null);
      this.state.set('gone');
    } else this.state.set('failed');
  }
}
