import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { NOW } from './shared/clock';
import { site } from './shared/testing/fixtures';
import { SITE } from './site/site';

async function render(overrides: Parameters<typeof site>[0] = {}) {
  await TestBed.configureTestingModule({
    imports: [App],
    providers: [
      provideRouter([]),
      { provide: SITE, useValue: site(overrides) },
      // Friday 19:30 in Austin (01:30 UTC on Saturday): just closed.
      { provide: NOW, useValue: () => new Date('2026-12-05T01:30:00Z') },
    ],
  }).compileComponents();
  const fixture = TestBed.createComponent(App);
  await fixture.whenStable();
  return fixture.nativeElement as HTMLElement;
}

describe('App', () => {
  it('starts with a skip link to the main content, then the header in the dealership’s colours', async () => {
    const root = await render({ theme: { brandColour: '#0a4d2e', accentColour: '#8a1c1c' } });
    const skip = root.querySelector('a.sf-skip-link');
    expect(skip?.getAttribute('href')).toMatch(/#main$/);
    expect(root.querySelector('main#main router-outlet')).not.toBeNull();
    const host = root as HTMLElement;
    expect(host.style.getPropertyValue('--sf-brand')).toBe('#0a4d2e');
    expect(host.style.getPropertyValue('--sf-accent')).toBe('#8a1c1c');
  });

  it('shows the name when there is no logo, the nav and a phone link', async () => {
    const root = await render();
    expect(root.querySelector('header .name')?.textContent).toBe('Demo Motors Downtown');
    const nav = Array.from(root.querySelectorAll('header nav a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(nav).toEqual([
      ['Cars', '/cars'],
      ['Contact', '/contact'],
      ['Call (512) 555-0100', 'tel:5125550100'],
    ]);
  });

  it('footer: address, today’s hours in the dealership’s time zone, the week, phone and e-mail', async () => {
    const root = await render();
    const footer = root.querySelector('footer') as HTMLElement;
    expect(footer.querySelector('address')?.textContent).toContain('100 Congress Ave');
    expect(footer.querySelector('.today')?.textContent).toContain('Today: 9:00 AM – 7:00 PM');
    expect(footer.querySelector('.today')?.textContent).toContain('Closed · opens tomorrow at 10:00 AM');
    expect(footer.querySelectorAll('table.hours tr')).toHaveLength(7);
    expect(footer.querySelector('tr.current th')?.textContent).toBe('Friday');
    expect(footer.querySelector('a[href="mailto:sales@demo-motors.test"]')).not.toBeNull();
  });
});
