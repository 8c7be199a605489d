import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FileDrop, FilePicker } from './file-drop';

/** jsdom has no DataTransfer: the events carry the little the directive reads from it. */
function dragEvent(type: 'dragover' | 'drop', types: string[], files: File[] = []) {
  const event = new Event(type, { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { types, files, dropEffect: 'none' } });
  return event as DragEvent;
}

@Component({
  imports: [FileDrop, FilePicker],
  template: `
    @if (shown()) {
      <div
        class="zone"
        srFileDrop
        #zone="srFileDrop"
        [srFileDropAccepting]="accepting()"
        [class.over]="zone.over()"
        (filesDropped)="dropped.push($event)"
      >
        <span class="inside">drop here</span>
        <input type="file" srFilePicker (filesPicked)="picked.push($event)" />
      </div>
    }
    <p class="beside">beside</p>
  `,
})
class Host {
  readonly shown = signal(true);
  readonly accepting = signal(true);
  readonly dropped: File[][] = [];
  readonly picked: File[][] = [];
}

describe('File drop', () => {
  const file = new File(['jpeg'], 'front.jpg', { type: 'image/jpeg' });

  async function host() {
    const fixture = TestBed.createComponent(Host);
    fixture.autoDetectChanges();
    await fixture.whenStable();
    const element = (selector: string) => (fixture.nativeElement as HTMLElement).querySelector(selector);
    return { fixture, element };
  }

  it('a zone takes a drag of files, shows it is over, and emits the files dropped', async () => {
    const { fixture, element } = await host();
    const over = dragEvent('dragover', ['Files']);
    element('.inside')?.dispatchEvent(over);
    await fixture.whenStable();
    expect(over.defaultPrevented).toBe(true);
    expect(over.dataTransfer?.dropEffect).toBe('copy');
    expect(element('.zone')?.classList).toContain('over');

    const drop = dragEvent('drop', ['Files'], [file]);
    element('.inside')?.dispatchEvent(drop);
    await fixture.whenStable();
    expect(drop.defaultPrevented).toBe(true);
    expect(fixture.componentInstance.dropped).toEqual([[file]]);
    expect(element('.zone')?.classList).not.toContain('over');
  });

  it('text dragged from the page is not taken for files', async () => {
    const { fixture, element } = await host();
    const over = dragEvent('dragover', ['text/plain']);
    element('.zone')?.dispatchEvent(over);
    await fixture.whenStable();
    expect(over.defaultPrevented).toBe(false);
    expect(element('.zone')?.classList).not.toContain('over');
  });

  it('a zone that accepts nothing more refuses the drop, and the browser does not open the file', async () => {
    const { fixture, element } = await host();
    fixture.componentInstance.accepting.set(false);
    await fixture.whenStable();
    const over = dragEvent('dragover', ['Files']);
    element('.zone')?.dispatchEvent(over);
    expect(over.dataTransfer?.dropEffect).toBe('none');
    const drop = dragEvent('drop', ['Files'], [file]);
    element('.zone')?.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(fixture.componentInstance.dropped).toEqual([]);
  });

  it('a file dropped beside the zone is not opened by the browser (the portal stays), until no zone is left', async () => {
    const { fixture, element } = await host();
    const over = dragEvent('dragover', ['Files']);
    element('.beside')?.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    expect(over.dataTransfer?.dropEffect).toBe('none');
    const drop = dragEvent('drop', ['Files'], [file]);
    element('.beside')?.dispatchEvent(drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(fixture.componentInstance.dropped).toEqual([]);

    fixture.componentInstance.shown.set(false);
    await fixture.whenStable();
    const later = dragEvent('drop', ['Files'], [file]);
    element('.beside')?.dispatchEvent(later);
    expect(later.defaultPrevented).toBe(false);
  });

  it('the picker emits the files picked and empties itself, so the same file can be picked again', async () => {
    const { fixture, element } = await host();
    const input = element('input') as HTMLInputElement;
    expect(input.getAttribute('tabindex')).toBe('-1');
    expect(input.getAttribute('aria-hidden')).toBe('true');
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    expect(fixture.componentInstance.picked).toEqual([[file]]);
  });
});
