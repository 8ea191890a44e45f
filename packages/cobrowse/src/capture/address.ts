/**
 * The page's address as the agent may see it: origin and path, none of the fragment, and of the query
 * only the parameters the site listed (`cobrowse.urlParams`). Reset tokens, emails and order ids in the
 * address stay in the browser; anything that is not an http(s) address is not shown at all.
 */
export function pageAddress(href: string, allowed: readonly string[] = []): string {
  try {
    const url = new URL(href);
    if (!/^https?:$/.test(url.protocol)) return '';
    const kept = new URLSearchParams();
    for (const [name, value] of url.searchParams) if (allowed.includes(name)) kept.append(name, value);
    const query = kept.toString();
    return `${url.origin}${url.pathname}${query ? `?${query}` : ''}`;
  } catch {
    return '';
  }
}
