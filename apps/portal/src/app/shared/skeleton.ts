import { Component, computed, input } from '@angular/core';

/**
 * Grey shapes where a list's rows will be, painted with the page, before its data is in: the screen
 * is never empty and does not jump when the rows come. Hidden from assistive technology (the list
 * says "Loading …" itself). Only boxes, no text or images, so a skeleton is never a page's largest
 * contentful paint: that stays the real rows'.
 */
@Component({
  selector: 'sr-skeleton-rows',
  host: { class: 'skeleton', 'aria-hidden': 'true' },
  template: `
    @if (compact()) {
      @for (row of rows(); track row) {
        <div class="card">
          @if (photo()) {
            <span class="bone bone--photo"></span>
          }
          <span class="lines">
            <span class="bone bone--title"></span>
            <span class="bone bone--title-end"></span>
            <span class="bone bone--strong"></span>
            <span class="bone"></span>
            <span class="bone bone--short"></span>
          </span>
        </div>
      }
    } @else {
      @for (row of rows(); track row) {
        <div class="row">
          @if (photo()) {
            <span class="bone bone--thumb"></span>
          }
          <span class="bone bone--title"></span>
          <span class="bone"></span>
          <span class="bone bone--short"></span>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
      padding: 8px 0;
    }
    .card {
      display: flex;
      gap: 12px;
      padding: 12px 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-lowest);
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .lines {
      flex: 1;
      display: grid;
      gap: 8px;
      align-content: start;
    }
    .row {
      display: flex;
      align-items: center;
      gap: 24px;
      height: 56px;
      padding: 0 16px;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .row .bone {
      flex: 1;
    }
    .bone {
      display: block;
      height: 12px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      animation: pulse 1.4s ease-in-out infinite;
    }
    .bone--photo {
      flex: none;
      width: 96px;
      height: 72px;
      border-radius: 8px;
    }
    .row .bone--thumb {
      flex: none;
      width: 64px;
      height: 40px;
    }
    .bone--title {
      width: 70%;
      height: 16px;
    }
    .row .bone--title {
      flex: 2;
    }
    .bone--title-end {
      width: 45%;
      height: 16px;
    }
    .bone--strong {
      width: 40%;
      height: 22px;
    }
    .bone--short {
      width: 50%;
    }
    .row .bone--short {
      flex: 0.5;
      width: auto;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .bone {
        animation: none;
      }
    }
  `,
})
export class SkeletonRows {
  /** Phones: cards; wider screens: table rows. */
  readonly compact = input(false);
  /** The rows start with a photo (vehicles). */
  readonly photo = input(false);
  /** How many: about a screenful (cards are taller than rows). */
  readonly count = input<number | null>(null);
  protected readonly rows = computed(() =>
    Array.from({ length: this.count() ?? (this.compact() ? 5 : 8) }, (_, index) => index),
  );
}

/**
 * A record page's shapes (a lead, a vehicle) until it is read: the title and its facts, then two
 * panels. Like `SkeletonRows`: boxes only, hidden from assistive technology.
 */
@Component({
  selector: 'sr-skeleton-record',
  host: { class: 'skeleton', 'aria-hidden': 'true' },
  template: `
    <div class="header">
      <span class="bone bone--eyebrow"></span>
      <span class="bone bone--title"></span>
      <span class="bone bone--meta"></span>
    </div>
    @for (panel of panels; track panel) {
      <div class="panel">
        <span class="bone bone--heading"></span>
        <span class="bone"></span>
        <span class="bone"></span>
        <span class="bone bone--short"></span>
      </div>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 16px;
    }
    .header,
    .panel {
      display: grid;
      gap: 10px;
    }
    .panel {
      padding: 16px 20px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface-container-lowest);
    }
    .bone {
      display: block;
      height: 12px;
      border-radius: 6px;
      background: var(--mat-sys-surface-container-high);
      animation: pulse 1.4s ease-in-out infinite;
    }
    .bone--eyebrow {
      width: 30%;
    }
    .bone--title {
      width: 55%;
      height: 28px;
    }
    .bone--meta {
      width: 75%;
    }
    .bone--heading {
      width: 25%;
      height: 16px;
    }
    .bone--short {
      width: 50%;
    }
    @keyframes pulse {
      50% {
        opacity: 0.5;
      }
    }
    @media (prefers-reduced-motion: reduce) {
      .bone {
        animation: none;
      }
    }
  `,
})
export class SkeletonRecord {
  protected readonly panels = [0, 1];
}
