import { emptyClaim, readItems, type PageState, type PageStyle, type Step, type Style } from './shared.js';

/** RFC 8288 `Link` headers with `rel="next"` / `rel="prev"`. */
export function linkHeaderPages(spec: Style<'link_header'>): PageStyle {
  return {
    spec,
    next: (state) => linkStep(spec, state, 'next'),
    previous: (state) => linkStep(spec, state, 'prev'),
  };
}

/** RFC 8288 links; only same-origin targets, so the credential is never sent to another host. */
function linkStep(spec: Style<'link_header'>, state: PageState, rel: 'next' | 'prev'): Step {
  const target = parseLinks(state.response.headers.get('link') ?? '', state.url).get(rel);
  if (target === undefined) return undefined;
  if (target.origin !== new URL(state.url).origin) {
    return { error: `Refusing to follow a "${rel}" link to another origin (${target.origin}).` };
  }
  if (rel === 'next' && readItems(spec, state.body).length === 0) return emptyClaim();
  return {
    request: {
      spec: state.request.spec,
      options: state.request.options,
      url: target.href,
      key: `url:${target.href}`,
    },
  };
}

export function parseLinks(header: string, base: string): Map<string, URL> {
  const links = new Map<string, URL>();
  for (const match of header.matchAll(/<([^>]*)>([^,<]*)/g)) {
    const rels =
      /;\s*rel\s*=\s*"?([^";]+)"?/i
        .exec(match[2] ?? '')?.[1]
        ?.toLowerCase()
        .split(/\s+/) ?? [];
    for (const rel of rels) {
      try {
        if (!links.has(rel)) links.set(rel, new URL(match[1] ?? '', base));
      } catch {
        // An unparseable link is as good as none.
      }
    }
  }
  return links;
}
