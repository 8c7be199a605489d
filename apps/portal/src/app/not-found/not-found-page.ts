import { Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'sr-not-found-page',
  imports: [MatButtonModule, RouterLink],
  template: `
    <section class="not-found" data-testid="page-not-found">
      <h1>This page does not exist</h1>
      <p>The link may be old or mistyped.</p>
      <a matButton="filled" routerLink="/inventory">Go to inventory</a>
    </section>
  `,
  styles: `
    .not-found {
      max-width: 480px;
      margin: 10vh auto;
      text-align: center;
      color: var(--mat-sys-on-surface-variant);
    }
    h1 {
      font: var(--mat-sys-headline-small);
      color: var(--mat-sys-on-surface);
    }
  `,
})
export class NotFoundPage {}
