// What the portal bench runs inside the page (bench/src/portal-mobile.ts). Kept as source text, not
// functions: tsx compiles the bench with helpers (`__name`) that the page does not have, so a
// function handed to `page.evaluate` would fail there.

/** The element a paint was of, as the bench prints it. */
export interface PaintedElement {
  tag: string;
  /** The nearest `data-testid`, on the element or an ancestor. */
  testid: string | null;
  /** The start of its text (or an image's address). */
  text: string;
  /** The element or an ancestor calls itself a skeleton (class or test id): a placeholder, not content. */
  skeleton: boolean;
}

export interface LcpCandidate {
  /** Milliseconds after navigation start. */
  startTime: number;
  size: number;
  element: PaintedElement | null;
}

export interface ResourceTiming {
  name: string;
  initiatorType: string;
  /** Milliseconds after navigation start. */
  startTime: number;
  responseEnd: number;
  /** Bytes on the wire, headers included; 0 from the cache, a service worker, or another origin. */
  transferSize: number;
  encodedBodySize: number;
  decodedBodySize: number;
  /** Served by a service worker. */
  fromServiceWorker: boolean;
}

export interface PageReading {
  /** The last candidate: the largest contentful paint so far. */
  lcp: LcpCandidate | null;
  candidates: number;
  /** When the screen's real content was first in the page (see CONTENT_SELECTORS), and which it was. */
  content: { time: number; testid: string } | null;
  navigation: ResourceTiming;
  resources: ResourceTiming[];
}

/** Each screen's real content, or what it shows instead of content (empty state, error). */
export const CONTENT_SELECTORS = [
  '[data-testid="vehicle-row"]',
  '[data-testid="list-empty"]',
  '[data-testid="list-error"]',
  '[data-testid="lead-row"]',
  '[data-testid="lead-list-empty"]',
  '[data-testid="lead-list-error"]',
  '[data-testid="lead-name"]',
  '[data-testid="lead-not-found"]',
];

/**
 * Runs before the portal's own scripts at every navigation of the top page: records LCP candidates
 * with their element as it is when painted (a skeleton is gone by the time the page settles) and the
 * moment the screen's content first shows.
 */
export const RECORDER_SCRIPT = `(() => {
  if (window.top !== window) return;
  performance.setResourceTimingBufferSize(2000);
  const state = { lcp: [], content: null };
  window.__portalMobile = state;
  const describe = (el) => {
    if (!el) return null;
    const withTestid = el.closest('[data-testid]');
    const skeleton = el.closest('[class*="skeleton"], [data-testid*="skeleton"]') !== null;
    const raw = el.tagName === 'IMG' ? el.currentSrc || el.src || '' : el.textContent || '';
    return {
      tag: el.tagName.toLowerCase(),
      testid: withTestid ? withTestid.getAttribute('data-testid') : null,
      text: raw.replace(/\\s+/g, ' ').trim().slice(0, 60),
      skeleton,
    };
  };
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      state.lcp.push({ startTime: entry.startTime, size: entry.size, element: describe(entry.element) });
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const selector = ${JSON.stringify(CONTENT_SELECTORS.join(', '))};
  const watch = new MutationObserver(() => {
    const found = document.querySelector(selector);
    if (!found) return;
    state.content = { time: performance.now(), testid: found.getAttribute('data-testid') };
    watch.disconnect();
  });
  watch.observe(document, { childList: true, subtree: true });
})();`;

/** Read once the page has settled: the recorder's state and the navigation's resource timings. */
export const READ_SCRIPT = `(() => {
  const state = window.__portalMobile || { lcp: [], content: null };
  const timing = (entry) => ({
    name: entry.name,
    initiatorType: entry.initiatorType,
    startTime: entry.startTime,
    responseEnd: entry.responseEnd,
    transferSize: entry.transferSize || 0,
    encodedBodySize: entry.encodedBodySize || 0,
    decodedBodySize: entry.decodedBodySize || 0,
    fromServiceWorker: entry.workerStart > 0,
  });
  const navigation = performance.getEntriesByType('navigation')[0];
  return {
    lcp: state.lcp.length > 0 ? state.lcp[state.lcp.length - 1] : null,
    candidates: state.lcp.length,
    content: state.content,
    navigation: timing(navigation),
    resources: performance.getEntriesByType('resource').map(timing),
  };
})()`;
