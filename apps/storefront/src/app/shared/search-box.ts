import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import { Router } from '@angular/router';

/**
 * Free-text search of the cars. A plain GET form to /cars, so it works before (or without) the
 * page's JavaScript; once it runs, the router takes the same URL without a page load.
 */
@Component({
  selector: 'sf-search-box',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="search" method="get" action="/cars" role="search" (submit)="search($event)">
      <label [for]="inputId()" class="label">{{ label() }}</label>
      <div class="line">
        <input
          [id]="inputId()"
          name="q"
          type="search"
          enterkeyhint="search"
          maxlength="100"
          placeholder="Make, model or keyword"
          [value]="text() ?? ''"
        />
        <button type="submit" class="sf-button">Search</button>
      </div>
    </form>
  `,
  styles: `
    .label {
      display: block;
      font-weight: 600;
      margin-bottom: 0.25rem;
    }
    .line {
      display: flex;
      gap: 0.5rem;
    }
    input {
      flex: 1;
      min-width: 0;
      min-height: 48px;
      padding: 0.5rem 0.75rem;
      border: 1px solid #6b7480;
      border-radius: 6px;
      font-size: 1rem;
    }
  `,
})
export class SearchBox {
  readonly label = input('Search our cars');
  readonly text = input<string | undefined>('');
  readonly inputId = input('search-q');
  private readonly router = inject(Router);

  protected search(event: SubmitEvent): void {
    event.preventDefault();
    const q = String(new FormData(event.target as HTMLFormElement).get('q') ?? '').trim();
    void this.router.navigate(['/cars'], { queryParams: q ? { q } : {} });
  }
}
