import { DOCUMENT, Injectable, inject } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';
import { SITE } from '../site/site';
import { jsonForScript } from './json-ld';

export interface PageMeta {
  /** The page's own title; the dealership's name is appended. */
  title: string;
  description: string;
  /** Path (and canonical query) of the page, e.g. `/cars?make=Toyota`: the canonical URL is the site's origin + it. */
  path: string;
  /** An absolute image URL for link previews. */
  image?: string | null;
  type?: 'website' | 'product';
  /** Pages that must stay out of search results (thank-you, not found). */
  noindex?: boolean;
}

/** Titles, descriptions, canonical links, link previews and structured data of the page. */
@Injectable({ providedIn: 'root' })
export class Seo {
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);
  private readonly meta = inject(Meta);
  private readonly site = inject(SITE);

  /** The absolute canonical URL of `path` on this site. */
  urlOf(path: string): string {
    return `${this.site.canonicalOrigin.replace(/\/+$/, '')}${path.startsWith('/') ? path : `/${path}`}`;
  }

  page(meta: PageMeta): void {
    const title = meta.title === this.site.name ? meta.title : `${meta.title} | ${this.site.name}`;
    const url = this.urlOf(meta.path);
    const image = meta.image ?? this.site.logo?.url ?? null;
    this.title.setTitle(title);
    this.setName('description', meta.description);
    this.setName('robots', meta.noindex ? 'noindex' : null);
    this.canonical(meta.noindex ? null : url);
    this.setProperty('og:type', meta.type ?? 'website');
    this.setProperty('og:site_name', this.site.name);
    this.setProperty('og:title', title);
    this.setProperty('og:description', meta.description);
    this.setProperty('og:url', url);
    this.setProperty('og:image', image);
    this.setName('twitter:card', meta.image ? 'summary_large_image' : 'summary');
    this.setName('twitter:title', title);
    this.setName('twitter:description', meta.description);
    this.setName('twitter:image', image);
  }

  /** `<script type="application/ld+json" id="<id>">` in the head with `data`; null removes it. */
  structuredData(id: string, data: object | null): void {
    const existing = this.document.head.querySelector(`script[type="application/ld+json"][id="${id}"]`);
    if (data === null) {
      existing?.remove();
      return;
    }
    const script = existing ?? this.document.createElement('script');
    script.setAttribute('type', 'application/ld+json');
    script.setAttribute('id', id);
    script.textContent = jsonForScript(data);
    if (!existing) this.document.head.appendChild(script);
  }

  private setName(name: string, content: string | null): void {
    if (content === null) this.meta.removeTag(`name="${name}"`);
    else this.meta.updateTag({ name, content });
  }

  private setProperty(property: string, content: string | null): void {
    if (content === null) this.meta.removeTag(`property="${property}"`);
    else this.meta.updateTag({ property, content });
  }

  private canonical(url: string | null): void {
    let link = this.document.head.querySelector<HTMLLinkElement>('link[rel="canonical"]');
    if (url === null) {
      link?.remove();
      return;
    }
    if (!link) {
      link = this.document.createElement('link');
      link.setAttribute('rel', 'canonical');
      this.document.head.appendChild(link);
    }
    link.setAttribute('href', url);
  }
}
