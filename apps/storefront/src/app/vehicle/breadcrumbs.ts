export interface Crumb {
  name: string;
  /** Site path; the last crumb (the page itself) has its own path too, for structured data. */
  path: string;
}

/** schema.org BreadcrumbList of the visible breadcrumbs, with absolute URLs. */
export function breadcrumbJsonLd(crumbs: Crumb[], urlOf: (path: string) => string): object {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: urlOf(crumb.path),
    })),
  };
}
