// The customer's page is untrusted on the agent's side: whatever could run is taken out before rrweb
// rebuilds it (the iframe's sandbox, exactly "allow-same-origin", is the other wall).

interface Node {
  type?: unknown;
  tagName?: unknown;
  attributes?: Record<string, unknown>;
  childNodes?: unknown;
}

const dangerousUrl = /^\s*(javascript|vbscript|data:text\/html)/i;
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster']);

/** Drops event handlers, script URLs and srcdoc from a serialized attribute set, in place. */
export function defangAttributes(attributes: Record<string, unknown>): void {
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    const lower = name.toLowerCase();
    if (
      lower.startsWith('on') ||
      lower === 'srcdoc' ||
      (urlAttributes.has(lower) && typeof value === 'string' && dangerousUrl.test(value))
    )
      delete attributes[name];
  }
}

const isScript = (node: Node) =>
  node.type === 2 && typeof node.tagName === 'string' && node.tagName.toLowerCase() === 'script';

/** Walks a serialized tree: scripts become empty, handlers and script URLs go. */
export function defangTree(node: Node): void {
  if (node.attributes && typeof node.attributes === 'object') defangAttributes(node.attributes);
  if (isScript(node)) {
    node.tagName = 'noscript';
    node.childNodes = [];
    node.attributes = {};
    return;
  }
  if (node.type === 2 && String(node.tagName).toLowerCase() === 'meta') {
    const equiv = String(node.attributes?.['http-equiv'] ?? '').toLowerCase();
    if (equiv === 'refresh' && node.attributes) node.attributes = {};
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
    for (const add of data.adds ?? []) if (add.node) defangTree(add.node);
    for (const change of data.attributes ?? []) if (change.attributes) defangAttributes(change.attributes);
  }
}
