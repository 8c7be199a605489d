import { Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { FileDrop, FilePicker } from '../shared/file-drop';

/** What the users service takes (it checks the bytes again): PNG, JPEG or WebP up to 2 MiB. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

/** Why `file` will not do as a logo, said before it is sent; null when it may go. */
export function logoFileProblem(file: File): string | null {
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) {
    return `${file.name} is not a PNG, JPEG or WebP image.`;
  }
  if (file.size > MAX_LOGO_BYTES) return `${file.name} is larger than 2 MB.`;
  return null;
}

/**
 * The logo: dropped or picked, shown at once on the brand colour (the site's header), removable.
 * The page uploads it; this only shows what it is given.
 */
@Component({
  selector: 'sr-logo-card',
  imports: [FileDrop, FilePicker, MatButtonModule, MatIconModule, MatProgressSpinnerModule],
  template: `
    <div
      class="drop"
      data-testid="logo-drop-zone"
      srFileDrop
      #zone="srFileDrop"
      [srFileDropAccepting]="!uploading()"
      [class.drop--over]="zone.over()"
      (filesDropped)="chosen($event)"
    >
      @if (logoUrl(); as url) {
        <div class="preview" [style.background]="brandColour()">
          <img class="preview__logo" [src]="url" [alt]="'Logo of ' + name()" data-testid="logo-preview" />
          @if (uploading()) {
            <mat-spinner class="preview__spinner" diameter="28" aria-label="Uploading the logo" />
          }
        </div>
      } @else {
        <mat-icon svgIcon="add-photo" class="drop__icon" />
        <p class="drop__text">No logo yet: the site shows the dealership's name. Drop an image here, or</p>
      }
      <div class="actions">
        <button
          type="button"
          matButton="outlined"
          data-testid="choose-logo"
          [disabled]="uploading()"
          (click)="picker.open()"
        >
          {{ logoUrl() ? 'Replace logo' : 'Choose a logo' }}
        </button>
        @if (logoUrl() && !uploading()) {
          <button type="button" matButton data-testid="remove-logo" (click)="removeRequested.emit()">
            <mat-icon svgIcon="delete" />
            Remove
          </button>
        }
      </div>
      <p class="drop__hint">PNG, JPEG or WebP up to 2 MB; shown at most 600 × 200 pixels.</p>
      <input
        type="file"
        class="cdk-visually-hidden"
        accept="image/png,image/jpeg,image/webp"
        srFilePicker
        #picker="srFilePicker"
        data-testid="logo-file-input"
        (filesPicked)="chosen($event)"
      />
    </div>
    @if (problem(); as problem) {
      <p class="problem" role="alert" data-testid="logo-problem">{{ problem }}</p>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 8px;
    }
    .drop {
      display: grid;
      justify-items: center;
      gap: 8px;
      padding: 16px;
      border: 2px dashed var(--mat-sys-outline-variant);
      border-radius: 12px;
      text-align: center;
    }
    .drop--over {
      border-color: var(--mat-sys-primary);
      background: var(--mat-sys-primary-container);
    }
    .drop__icon {
      width: 36px;
      height: 36px;
      color: var(--mat-sys-outline);
    }
    .drop__text,
    .drop__hint {
      margin: 0;
      color: var(--mat-sys-on-surface-variant);
    }
    .drop__hint {
      font: var(--mat-sys-body-small);
    }
    .preview {
      position: relative;
      display: grid;
      place-items: center;
      padding: 12px 20px;
      border-radius: 8px;
      max-width: 100%;
    }
    .preview__logo {
      max-width: min(300px, 100%);
      max-height: 100px;
      object-fit: contain;
    }
    .preview__spinner {
      position: absolute;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      justify-content: center;
      gap: 8px;
    }
    .problem {
      margin: 0;
      color: var(--mat-sys-error);
    }
  `,
})
export class LogoCard {
  readonly name = input.required<string>();
  /** The stored logo, or the one being uploaded (a local preview). */
  readonly logoUrl = input<string | null>(null);
  readonly brandColour = input('#1f3a5f');
  readonly uploading = input(false);
  readonly problem = input<string | null>(null);
  readonly logoChosen = output<File>();
  readonly removeRequested = output<void>();

  protected chosen(files: File[]): void {
    const [file] = files;
    if (file) this.logoChosen.emit(file);
  }
}
