// The customer's page is untrusted on the agent's side: whatever could run is taken out before rrweb
// rebuilds it (the iframe's sandbox, exactly "allow-same-origin", is the other wall).

interface Node {
  type?: unknown;
  tagName?: unknown;
  attributes?: Record<string, unknown>;
  childNodes?: unknown;
}

// Browsers drop tabs and newlines anywhere in a URL and controls or spaces before it: so must the check.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const normalizeUrl = (url: string) => url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '');
/** Script schemes, and any data: URL other than a raster image. */
const isDangerousUrl = (url: string) => {
  const normalized = normalizeUrl(url);
  return (
    /^(javascript|vbscript):/i.test(normalized) ||
    (/^data:/i.test(normalized) && !/^data:image\/(png|gif|jpe?g|webp|avif|bmp)[;,]/i.test(normalized))
  );
};
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']);

/** Drops event handlers, script URLs and srcdoc from a serialized attribute set, in place. */
export function defangAttributes(attributes: Record<string, unknown>): void {
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    const lower = name.toLowerCase();
    if (
      lower.startsWith('on') ||
      lower === 'srcdoc' ||
      (urlAttributes.has(lower) && typeof value === 'string' && isDangerousUrl(value))
    )
      delete attributes[name];
  }
}

const isScript = (node: Node) =>
  node.type === 2 && typeof node.tagName === 'string' && node.tagName.toLowerCase() === 'script';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

/** Walks a serialized tree: scripts become empty, handlers and script URLs go; junk entries are skipped. */
export function defangTree(node: Node): void {
  if (!isObject(node)) return;
  if (isObject(node.attributes)) defangAttributes(node.attributes);
  if (isScript(node)) {
    node.tagName = 'noscript';
    node.childNodes = [];
    node.attributes = {};
    return;
  }
  if (node.type === 2 && String(node.tagName).toLowerCase() === 'meta') {
    const attributes: Record<string, unknown> = isObject(node.attributes) ? node.attributes : {};
    if (String(attributes['http-equiv'] ?? '').toLowerCase() === 'refresh') node.attributes = {};
  }
  if (Array.isArray(node.childNodes)) for (const child of node.childNodes) defangTree(child as Node);
}

interface Event {
  type: number;
  data: {
    source?: number;
    node?: Node;
    adds?: Array<{ node?: Node }>;
    attributes?: Array<{ attributes?: Record<string, unknown> }>;
  };
}

/** Defangs an rrweb event in place: full snapshots, added nodes and attribute changes. */
export function defangEvent(event: Event): void {
  const { data } = event;
  if (event.type === 2 && data.node) defangTree(data.node);
  if (event.type === 3 && data.source === 0) {
    const adds = Array.isArray(data.adds) ? data.adds : [];
    const changes = Array.isArray(data.attributes) ? data.attributes : [];
    for (const add of adds) if (isObject(add) && add.node) defangTree(add.node);
    for (const change of changes)
      if (isObject(change) && isObject(change.attributes)) defangAttributes(change.attributes);
  }
}
