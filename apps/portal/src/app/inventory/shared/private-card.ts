import { Component } from '@angular/core';
import { MatIconModule } from '@angular/material/icon';

let nextId = 0;

/**
 * A card of what shoppers never see (a vehicle's cost, internal notes): a lock in its title and a
 * line under it that says so, then the content. The page styles it as its other cards (`.card`),
 * with the tinted edge of `page.private-card` (`.card--private`).
 */
@Component({
  selector: 'sr-private-card',
  imports: [MatIconModule],
  host: { class: 'card card--private' },
  template: `
    <section [attr.aria-labelledby]="titleId" [attr.aria-describedby]="noteId">
      <h2 class="title" [id]="titleId">
        <mat-icon svgIcon="lock" />
        Dealership only
      </h2>
      <p class="note" [id]="noteId">
        Never shown to shoppers: not on the website, in feeds or in search results.
      </p>
      <ng-content />
    </section>
  `,
  styles: `
    @use 'page';

    :host {
      display: block;
    }

    .title {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0;
      font: var(--mat-sys-title-medium);
    }

    .note {
      @include page.card-note;
    }
  `,
})
export class PrivateCard {
  private readonly id = `sr-private-card-${nextId++}`;
  protected readonly titleId = `${this.id}-title`;
  protected readonly noteId = `${this.id}-note`;
}
