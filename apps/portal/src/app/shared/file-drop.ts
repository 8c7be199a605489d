import { DOCUMENT } from '@angular/common';
import {
  DestroyRef,
  Directive,
  ElementRef,
  inject,
  Injectable,
  input,
  NgZone,
  output,
  signal,
} from '@angular/core';

/** Whether a drag carries files (not text or a link dragged from the page). */
export function carriesFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * Keeps the browser from opening a file dropped outside a drop zone, which would leave the portal
 * (and whatever the dealer was doing there). While at least one drop zone is on the page, a file
 * dragged anywhere else shows "no drop" and its drop is ignored; drops a zone takes are left to it.
 */
@Injectable({ providedIn: 'root' })
export class FileDropGuard {
  private readonly document = inject(DOCUMENT);
  private readonly zone = inject(NgZone);
  private zones = 0;

  private readonly dragOver = (event: DragEvent) => {
    if (!carriesFiles(event) || event.defaultPrevented) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'none';
  };
  private readonly drop = (event: DragEvent) => {
    if (carriesFiles(event)) event.preventDefault();
  };

  /** A drop zone appeared; the answer takes it away again. */
  hold(): () => void {
    if (this.zones++ === 0) {
      // Nothing on screen changes: no change detection for every mouse move of a drag.
      this.zone.runOutsideAngular(() => {
        this.document.addEventListener('dragover', this.dragOver);
        this.document.addEventListener('drop', this.drop);
      });
    }
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      if (--this.zones === 0) {
        this.document.removeEventListener('dragover', this.dragOver);
        this.document.removeEventListener('drop', this.drop);
      }
    };
  }
}

/**
 * A drop zone for files: takes drags that carry files (shows "copy", or "no drop" when
 * `srFileDropAccepting` is false), marks itself `over` while one hovers, and emits the dropped files.
 * While it is on the page, a file dropped beside it does not make the browser open the file.
 *
 * `<div srFileDrop #zone="srFileDrop" [class.over]="zone.over()" (filesDropped)="add($event)">`
 */
@Directive({
  selector: '[srFileDrop]',
  exportAs: 'srFileDrop',
  host: {
    '(dragenter)': 'dragOver($event)',
    '(dragover)': 'dragOver($event)',
    '(dragleave)': 'dragLeave($event)',
    '(drop)': 'dropped($event)',
  },
})
export class FileDrop {
  /** False when nothing more may be added: the drop is refused. */
  readonly accepting = input(true, { alias: 'srFileDropAccepting' });
  readonly filesDropped = output<File[]>();
  /** A drag with files is over the zone. */
  readonly over = signal(false);

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);

  constructor() {
    const release = inject(FileDropGuard).hold();
    inject(DestroyRef).onDestroy(release);
  }

  protected dragOver(event: DragEvent): void {
    if (!carriesFiles(event)) return;
    // Taken here even when refused: the page guard would otherwise see it as dropped beside the zone.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = this.accepting() ? 'copy' : 'none';
    this.over.set(true);
  }

  protected dragLeave(event: DragEvent): void {
    // Leaving the zone for one of its own children is not leaving it.
    const to = event.relatedTarget;
    if (to instanceof Node && this.host.nativeElement.contains(to)) return;
    this.over.set(false);
  }

  protected dropped(event: DragEvent): void {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    this.over.set(false);
    const files = Array.from(event.dataTransfer?.files ?? []);
    if (files.length && this.accepting()) this.filesDropped.emit(files);
  }
}

/**
 * The hidden file input behind a "Choose files" button: `open()` shows the browser's picker, and
 * the files picked are emitted (the input is then emptied, so picking the same file again, after
 * removing it, is a change again).
 *
 * `<input type="file" class="cdk-visually-hidden" srFilePicker #picker="srFilePicker" (filesPicked)="add($event)" />`
 */
@Directive({
  selector: 'input[type=file][srFilePicker]',
  exportAs: 'srFilePicker',
  host: { tabindex: '-1', 'aria-hidden': 'true', '(change)': 'changed()' },
})
export class FilePicker {
  readonly filesPicked = output<File[]>();
  private readonly input = inject<ElementRef<HTMLInputElement>>(ElementRef).nativeElement;

  open(): void {
    this.input.click();
  }

  protected changed(): void {
    const files = Array.from(this.input.files ?? []);
    this.input.value = '';
    if (files.length) this.filesPicked.emit(files);
  }
}
