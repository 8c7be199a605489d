import { TestBed } from '@angular/core/testing';
import { registerShowroomIcons } from '../../core/icons';
import { photoUrls } from '../../../testing/photo-fixtures';
import { VehicleThumbnail } from './vehicle-thumbnail';

describe('VehicleThumbnail', () => {
  function render(hero: ReturnType<typeof photoUrls> | null) {
    TestBed.runInInjectionContext(registerShowroomIcons);
    const fixture = TestBed.createComponent(VehicleThumbnail);
    fixture.componentRef.setInput('hero', hero);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('a vehicle with a hero photo shows its small variant, lazily, in a box of fixed size', () => {
    const host = render(photoUrls('hero'));

    expect(host.style.width).toBe('64px');
    expect(host.style.height).toBe('48px');
    const image = host.querySelector('img');
    expect(image?.getAttribute('src')).toContain('hero-thumbnail.jpg');
    expect(host.querySelector('source')?.getAttribute('srcset')).toContain('hero-thumbnail.webp');
    expect(image?.getAttribute('loading')).toBe('lazy');
    expect([image?.getAttribute('width'), image?.getAttribute('height')]).toEqual(['64', '48']);
  });

  it('a vehicle without photos shows a neutral placeholder, never a broken image', () => {
    const host = render(null);

    expect(host.querySelector('img')).toBeNull();
    expect(host.querySelector('[data-testid="vehicle-no-photo"]')?.getAttribute('aria-label')).toBe(
      'No photo yet',
    );
    expect(host.querySelector('mat-icon')).not.toBeNull();
  });
});
