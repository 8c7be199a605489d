import { MAX_PHOTO_FETCH_URLS, MAX_PHOTO_URL_LENGTH, photoUrlProblem } from '@showroom/contracts';

/** A pasted link the robot would refuse, and why (the same words as the service's). */
export interface LinkProblem {
  link: string;
  reason: string;
}

export interface PastedLinks {
  urls: string[];
  problems: LinkProblem[];
  /** Set when there are more links than one job takes. */
  tooMany: string | null;
}

/**
 * The links in what a dealer pasted: one per line as asked, but links separated by spaces or tabs
 * (copied from a spreadsheet row) count too; blank lines are skipped.
 */
export function readPastedLinks(text: string): PastedLinks {
  const links = text.split(/\s+/).filter(Boolean);
  const problems: LinkProblem[] = [];
  for (const link of links) {
    const reason =
      link.length > MAX_PHOTO_URL_LENGTH
        ? `is longer than ${MAX_PHOTO_URL_LENGTH} characters`
        : photoUrlProblem(link);
    if (reason) problems.push({ link, reason });
  }
  return {
    urls: links,
    problems,
    tooMany:
      links.length > MAX_PHOTO_FETCH_URLS
        ? `${links.length} links: the robot takes at most ${MAX_PHOTO_FETCH_URLS} at a time`
        : null,
  };
}
