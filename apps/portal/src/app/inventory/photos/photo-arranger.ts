import { type CdkDragDrop, DragDropModule } from '@angular/cdk/drag-drop';
import { LiveAnnouncer } from '@angular/cdk/a11y';
import { afterNextRender, Component, computed, ElementRef, inject, Injector, input } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatTooltipModule } from '@angular/material/tooltip';
import type { VehiclePhoto } from '@showroom/contracts';
import { filter } from 'rxjs';
import { ConfirmDialog, type ConfirmDialogData } from '../../shared/confirm-dialog';
import { PhotoAlbum } from './photo-album';
import { PHOTO_STEPS } from './photo-order';
import { PhotoPicture } from './photo-picture';
import { PhotoUploads } from './photo-uploads';
import { photoAlt } from './photo-viewer';

/**
 * The photos in the order shoppers see them, for a dealer to arrange: dragged (the grid wraps, so
 * in any direction), or moved one place at a time with the buttons (keyboards, screen readers);
 * the star makes a photo the hero; delete asks first.
 */
@Component({
  selector: 'sr-photo-arranger',
  imports: [DragDropModule, MatButtonModule, MatIconModule, MatTooltipModule, PhotoPicture],
  templateUrl: './photo-arranger.html',
  styleUrl: './photo-arranger.scss',
})
export class PhotoArranger {
  /** "2021 Honda Civic": the alt text of each photo starts with it. */
  readonly vehicleName = input.required<string>();

  protected readonly moves = PHOTO_STEPS;
  protected readonly album = inject(PhotoAlbum);
  private readonly uploads = inject(PhotoUploads).queue;
  /**
   * A photo sent in full but not yet answered is stored but not on screen: an order arranged now would
   * be made without it. Arranging waits for its answer (a moment).
   */
  protected readonly waiting = computed(() => this.uploads.processing() > 0);
  private readonly dialog = inject(MatDialog);
  private readonly announcer = inject(LiveAnnouncer);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected alt(index: number): string {
    return photoAlt(this.vehicleName(), index, this.album.count());
  }

  protected dropped(event: CdkDragDrop<readonly VehiclePhoto[]>): void {
    if (event.previousIndex === event.currentIndex || this.waiting()) return;
    this.album.move(event.previousIndex, event.currentIndex);
    this.announce(event.currentIndex);
  }

  /** One place earlier (-1) or later (1); the focus stays on the photo's button that moved it. */
  protected moveBy(index: number, by: -1 | 1): void {
    if (this.waiting()) return;
    const photo = this.album.photos()[index];
    this.album.move(index, index + by);
    this.announce(index + by);
    afterNextRender(
      () => {
        const tile = this.host.nativeElement.querySelector(`[data-photo-id="${photo.id}"]`);
        const buttons = Array.from(tile?.querySelectorAll<HTMLButtonElement>('[data-move]') ?? []);
        // At either end that button is disabled: the other one keeps the focus in the tile.
        const same = buttons.find((button) => button.dataset['move'] === String(by) && !button.disabled);
        (same ?? buttons.find((button) => !button.disabled))?.focus();
      },
      { injector: this.injector },
    );
  }

  protected makeHero(photo: VehiclePhoto, index: number): void {
    if (photo.hero) return;
    this.album.makeHero(photo.id);
    void this.announcer.announce(`Photo ${index + 1} is now the hero photo`);
  }

  protected confirmDelete(photo: VehiclePhoto, index: number): void {
    const data: ConfirmDialogData = {
      title: 'Delete this photo?',
      message: `Photo ${index + 1} of ${this.album.count()} will be removed from this vehicle, its website listing and its feeds.${photo.hero ? ' The next photo becomes the hero.' : ''}`,
      confirmLabel: 'Delete photo',
      destructive: true,
    };
    this.dialog
      .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, maxWidth: '440px' })
      .afterClosed()
      .pipe(filter((confirmed) => confirmed === true))
      .subscribe(() => {
        this.album.remove(photo.id);
        void this.announcer.announce(`Photo ${index + 1} deleted`);
        // The dialog gives the focus back to a button that is gone: keep it in the grid, on the
        // photo that took the deleted one's place (or the new last one).
        afterNextRender(
          () => {
            const buttons = this.host.nativeElement.querySelectorAll<HTMLButtonElement>(
              '[data-testid="photo-delete"]',
            );
            buttons[Math.min(index, buttons.length - 1)]?.focus();
          },
          { injector: this.injector },
        );
      });
  }

  private announce(index: number): void {
    void this.announcer.announce(`Photo moved to place ${index + 1} of ${this.album.count()}`);
  }
}
