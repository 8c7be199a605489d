import { DOCUMENT } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SITE } from '../site/site';
import { site } from '../shared/testing/fixtures';
import { Seo } from './seo';

describe('Seo', () => {
  let seo: Seo;
  let head: HTMLHeadElement;
  const attr = (selector: string, name = 'content') =>
    head.querySelector(selector)?.getAttribute(name) ?? null;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [{ provide: SITE, useValue: site() }] });
    seo = TestBed.inject(Seo);
    head = TestBed.inject(DOCUMENT).head;
  });

  afterEach(() =>
    head
      .querySelectorAll('link[rel="canonical"], script[type="application/ld+json"], meta')
      .forEach((el) => el.remove()),
  );

  it('gives the page its title, description, canonical URL and link previews on the site’s origin', () => {
    seo.page({
      title: '2021 Toyota Camry',
      description: 'A fine car.',
      path: '/cars/x/2021-toyota-camry',
      image: 'http://localhost:4200/media/camry.jpg',
      type: 'product',
    });
    const url = 'http://demo-motors-downtown.localhost:4400/cars/x/2021-toyota-camry';
    expect(TestBed.inject(DOCUMENT).title).toBe('2021 Toyota Camry | Demo Motors Downtown');
    expect(attr('meta[name="description"]')).toBe('A fine car.');
    expect(attr('link[rel="canonical"]', 'href')).toBe(url);
    expect(attr('meta[property="og:url"]')).toBe(url);
    expect(attr('meta[property="og:type"]')).toBe('product');
    expect(attr('meta[property="og:image"]')).toBe('http://localhost:4200/media/camry.jpg');
    expect(attr('meta[name="twitter:card"]')).toBe('summary_large_image');
    expect(attr('meta[name="robots"]')).toBeNull();
  });

  it('keeps a page out of search results on request, without a canonical URL', () => {
    seo.page({ title: 'Shown', description: 'd', path: '/cars' });
    seo.page({ title: 'Thank you', description: 'd', path: '/thank-you', noindex: true });
    expect(attr('meta[name="robots"]')).toBe('noindex');
    expect(head.querySelectorAll('link[rel="canonical"]')).toHaveLength(0);
    expect(head.querySelectorAll('meta[name="description"]')).toHaveLength(1);
  });

  it('does not repeat the dealership’s name in the home page’s title', () => {
    seo.page({ title: 'Demo Motors Downtown', description: 'd', path: '/' });
    expect(TestBed.inject(DOCUMENT).title).toBe('Demo Motors Downtown');
  });

  it('writes structured data that no text inside it can break out of, and removes it on null', () => {
    seo.structuredData('car', { description: 'Nice </script><script>alert(1)</script> & clean' });
    seo.structuredData('car', { description: 'Nice </script><script>alert(1)</script> & clean' });
    const scripts = head.querySelectorAll('script[type="application/ld+json"]#car');
    expect(scripts).toHaveLength(1);
    const text = scripts[0]?.textContent ?? '';
    expect(text).not.toContain('</script>');
    expect(text).not.toContain('<');
    expect(JSON.parse(text)).toEqual({ description: 'Nice </script><script>alert(1)</script> & clean' });
    seo.structuredData('car', null);
    expect(head.querySelector('script#car')).toBeNull();
  });
});
