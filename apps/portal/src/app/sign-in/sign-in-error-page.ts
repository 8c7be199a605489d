import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { AuthService } from '@auth0/auth0-angular';

/** Where Auth0 sends the dealer when sign-in failed (`errorPath`): say what happened, offer a retry. */
@Component({
  selector: 'sr-sign-in-error-page',
  imports: [MatButtonModule],
  template: `
    <section class="sign-in-error" role="alert" data-testid="sign-in-error">
      <div class="brand">Showroom</div>
      <h1>Sign-in did not complete</h1>
      <p>{{ error()?.message || 'The sign-in page reported a problem.' }}</p>
      <button type="button" matButton="filled" (click)="signIn()">Sign in again</button>
    </section>
  `,
  styles: `
    .sign-in-error {
      max-width: 480px;
      margin: 15vh auto;
      padding: 24px;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    .brand {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-primary);
      font-weight: 600;
    }
    h1 {
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class SignInErrorPage {
  private readonly auth = inject(AuthService);
  protected readonly error = toSignal(this.auth.error$);

  protected signIn(): void {
    this.auth.loginWithRedirect({ appState: { target: '/inventory' } }).subscribe();
  }
}
