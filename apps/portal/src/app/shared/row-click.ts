/**
 * Whether a click on a table row should open it. The whole row is a mouse target, but a click on the
 * link in it (incl. ctrl/middle-click, a new tab) is the link's own.
 */
export function opensRow(event: MouseEvent): boolean {
  const target = event.target as Element | null;
  return !(target?.closest('a') || event.ctrlKey || event.metaKey || event.shiftKey);
}
