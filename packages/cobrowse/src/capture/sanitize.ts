import { cutSrcset, safeSheet, safeStyle, safeStyleDiff } from './css';
import { type ElementRules, Level, type RestrictionCheck, type Scope } from './restrictions';

// rrweb's event and node type numbers (its enums, as data).
export const EventType = { fullSnapshot: 2, incremental: 3, meta: 4 } as const;
export const Source = {
  mutation: 0,
  input: 5,
  styleSheetRule: 8,
  styleDeclaration: 13,
  adoptedStyleSheet: 15,
} as const;
const NodeKind = { document: 0, element: 2, text: 3, cdata: 4, comment: 5 } as const;

type Attributes = Record<string, unknown>;

export interface SerializedNode {
  id: number;
  type: number;
  /** rrweb marks the children of a shadow root. */
  isShadow?: boolean;
  tagName?: string;
  attributes?: Attributes;
  childNodes?: SerializedNode[];
  textContent?: string;
}

export interface CaptureEvent {
  type: number;
  timestamp: number;
  data: Record<string, unknown> & {
    source?: number;
    node?: SerializedNode;
    adds?: Array<{ parentId: number; node: SerializedNode }>;
    texts?: Array<{ id: number; value: string | null }>;
    attributes?: Array<{ id: number; attributes: Attributes }>;
    id?: number;
    text?: string;
    isChecked?: boolean;
    /** Style events: a `<style>`/`<link>` node's id, or a constructed sheet's id. */
    styleId?: number;
    styleIds?: number[];
  };
}

/** rrweb's style events: rules added to a sheet, a declaration set, sheets adopted with their rules. */
interface StyleData {
  source?: number;
  id?: number;
  styleId?: number;
  styleIds?: number[];
  adds?: Array<{ rule: string; index?: unknown }>;
  replace?: string;
  replaceSync?: string;
  set?: { property: string; value?: string | null; priority?: string };
  styles?: Array<{ styleId: number; rules: Array<{ rule: string; index?: unknown }> }>;
}

/** What a masked value or text becomes: a fixed length, so that not even the length leaves. */
export const maskText = '••••••';

// Attributes a masked element keeps for its layout; every other one is dropped or, for links, cut.
const layoutAttributes = new Set([
  'class',
  'id',
  'style',
  'type',
  'name',
  'role',
  'dir',
  'lang',
  'hidden',
  'disabled',
  'tabindex',
  'for',
  'width',
  'height',
  'rows',
  'cols',
  'size',
  'colspan',
  'rowspan',
  'rel',
  'media',
  'viewBox',
  'rr_width',
  'rr_height',
]);
const linkAttributes = new Set(['href', 'src', 'action', 'formaction', 'poster', 'xlink:href', 'data']);
// A hidden element's placeholder keeps its size and nothing else: not even a style that could name a URL.
const hiddenKeeps = new Set(['rr_width', 'rr_height']);

/** A masked link keeps where it goes on the web, without query or fragment; mailto:, tel:, data: and the like go. */
const withoutQuery = (url: string) => {
  const trimmed = url.trim();
  if (/^[a-z][a-z\d+.-]*:/i.test(trimmed) && !/^https?:/i.test(trimmed)) return '';
  return trimmed.split(/[?#]/, 1)[0] ?? '';
};

/**
 * A restricted element's attributes. Masked: layout kept (its style, and rrweb's copy of a `<style>` or
 * `<link>`'s rules in `_cssText`, without URLs or strings), links without query or fragment, values masked,
 * content gone. Hidden: only its box. In a mutation a dropped attribute is sent as removed (null).
 */
function scrub(attributes: Attributes, hidden: boolean, mutation: boolean): Attributes {
  const keep = hidden ? hiddenKeeps : layoutAttributes;
  const clean: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'style' && !hidden && typeof value === 'string') clean[name] = safeStyle(value);
    else if (name === '_cssText' && !hidden && typeof value === 'string') clean[name] = safeSheet(value);
    else if (name === 'style' && !hidden && value && typeof value === 'object')
      clean[name] = safeStyleDiff(value as Record<string, unknown>);
    else if (name !== 'style' && (keep.has(name) || name.startsWith('data-tandem-'))) clean[name] = value;
    else if (!hidden && linkAttributes.has(name) && typeof value === 'string')
      clean[name] = withoutQuery(value);
    else if (!hidden && name === 'srcset' && typeof value === 'string')
      clean[name] = cutSrcset(value, withoutQuery);
    else if (!hidden && name === 'value' && value) clean[name] = maskedValue(attributes.type, value);
    else if (mutation) clean[name] = null;
  }
  return clean;
}

const hasText = (text: string | null | undefined) => !!text && /\S/.test(text);

// Inputs whose value must parse (a date, a number): masked, they are shown empty rather than invalid.
const parsedTypes = /^(number|range|date|time|datetime-local|month|week|color)$/i;
/** What a masked value becomes for an input of this type. */
export const maskedValue = (type: unknown, value: unknown) =>
  !value ? '' : typeof type === 'string' && parsedTypes.test(type) ? '' : maskText;

/**
 * The last line before the network: every rrweb event passes through here, and whatever lies in a masked
 * or hidden element is replaced, cut or dropped, whatever rrweb's own options did. Where a node cannot be
 * found, the entry is dropped (fail closed). `onRestrictionChange` asks for a new full snapshot when an
 * element's own restriction changed (it became masked or hidden after it was shown).
 */
export function createSanitizer(
  check: RestrictionCheck,
  getNode: (id: number) => Node | null,
  onRestrictionChange: () => void,
  address: (href: string) => string = () => '',
) {
  const seenLevels = new WeakMap<Node, Level>();
  const seenRevealed = new WeakSet<Node>();
  const watched = `${check.restrictions.mask},${check.restrictions.hide}${check.maskAll ? `,${check.restrictions.unmask}` : ''}`;
  // Only lists with combinators or :has() can change with another element's attributes (the head's
  // stylesheets, unmasked by default, are placed by being added, not by a neighbour's change).
  const relational = /[\s>+~]|:has\(/.test(
    watched
      .replace(/\s*,\s*/g, ',')
      .replace(/\[[^\]]*\]/g, '')
      .replace(/\bhead > /g, ''),
  );

  function remember(node: Node, level: Level): void {
    if (level !== Level.none) seenLevels.set(node, level);
    else if (seenLevels.get(node) !== undefined) seenLevels.set(node, level);
  }

  /** Whether an element's own restriction differs from what was last sent for it; remembers the new one. */
  function ownChanged(element: Element): boolean {
    const own = check.own(element);
    const reveals = check.reveals(element);
    const changed = own !== (seenLevels.get(element) ?? Level.none) || reveals !== seenRevealed.has(element);
    remember(element, own);
    if (reveals) seenRevealed.add(element);
    else seenRevealed.delete(element);
    return changed;
  }

  /**
   * `levels` answers for elements of the top document; inside shadow roots and frames, `check` does.
   * `outer` is the level the lists give the parent, `shown` whether it is unmasked (or mask-all is off).
   */
  function cleanTree(
    node: SerializedNode,
    outer: Level,
    shown: boolean,
    levels?: ElementRules,
    parent?: Node | null,
  ): void {
    let inherited = outer;
    let revealed = shown;
    // A shadow host's own child shows in the slot it is assigned to: rrweb sends it under the host, but
    // a masked or hidden element around that slot covers it too (and an unmasked one reveals it).
    if (inherited !== Level.hide && !node.isShadow && (parent as Element | null)?.shadowRoot) {
      const slot = (getNode(node.id) as Partial<Slottable> | null)?.assignedSlot;
      const there = slot ? check.scope(slot) : undefined;
      if (there && there.level > inherited) inherited = there.level;
      revealed ||= there?.revealed === true;
    }
    if (node.type !== NodeKind.element) {
      // The text of a <style> keeps the layout it gives, without what could carry a URL or text.
      if (check.effective(inherited, revealed) !== Level.none && node.textContent !== undefined)
        node.textContent = (node as { isStyle?: boolean }).isStyle
          ? safeSheet(node.textContent)
          : node.type === NodeKind.text && hasText(node.textContent)
            ? maskText
            : '';
      for (const child of node.childNodes ?? [])
        cleanTree(child, inherited, revealed, undefined, getNode(node.id));
      return;
    }
    const dom = getNode(node.id) as Element | null;
    // A child that is not its parent's own child sits in a shadow root: the document's query missed it.
    const fast = node.isShadow || (parent && dom?.parentNode !== parent) ? undefined : levels;
    let level = inherited;
    if (dom) {
      const rules = fast ?? check;
      const own = rules.own(dom);
      // Only restricted elements are remembered here: a lookup per element would slow snapshots down.
      if (own !== Level.none) seenLevels.set(dom, own);
      if (own > level) level = own;
      if (check.maskAll && rules.reveals(dom)) {
        seenRevealed.add(dom);
        revealed = true;
      }
    }
    const shownAs = check.effective(level, revealed);
    if (shownAs === Level.hide) {
      node.attributes = scrub(node.attributes ?? {}, true, false);
      // The agent sees a blank box of the same size: rrweb's placeholder, sized here.
      if (dom && inherited !== Level.hide && node.attributes.rr_width === undefined) {
        const box = dom.getBoundingClientRect();
        node.attributes.rr_width = `${box.width}px`;
        node.attributes.rr_height = `${box.height}px`;
      }
      node.childNodes = [];
      return;
    }
    if (shownAs === Level.mask) node.attributes = scrub(node.attributes ?? {}, false, false);
    for (const child of node.childNodes ?? []) cleanTree(child, level, revealed, fast, dom);
  }

  function cleanMutation(data: CaptureEvent['data']): void {
    // Many nodes added under one parent: its ancestors are walked once, not once per node.
    const parentScopes = new Map<number, Scope>();
    data.adds = (data.adds ?? []).filter((add) => {
      const parent = getNode(add.parentId);
      if (!parent) return false;
      let scope = parentScopes.get(add.parentId);
      if (scope === undefined) {
        scope = check.scope(parent);
        parentScopes.set(add.parentId, scope);
      }
      if (scope.level === Level.hide) return false;
      cleanTree(add.node, scope.level, scope.revealed, undefined, parent);
      return true;
    });
    data.texts = (data.texts ?? []).filter((entry) => {
      const node = getNode(entry.id);
      if (!node) return false;
      const level = check.of(node);
      if (level === Level.hide) return false;
      if (level === Level.mask && hasText(entry.value)) entry.value = maskText;
      return true;
    });
    let changed = false;
    data.attributes = (data.attributes ?? []).filter((entry) => {
      const node = getNode(entry.id);
      if (!node) return false;
      if (ownChanged(node as Element)) changed = true;
      if (!changed && relational) changed = neighboursChanged(node as Element);
      const level = check.of(node);
      if (level === Level.hide) {
        if (check.own(node as Element) !== Level.hide) return false;
        entry.attributes = scrub(entry.attributes, true, true);
      } else if (level === Level.mask) entry.attributes = scrub(entry.attributes, false, true);
      return true;
    });
    if (changed) onRestrictionChange();
  }

  /**
   * With selectors that look at other elements (`.vip .name`, `h2 + p`, `:has()`), a change here may mask
   * an element nearby: its siblings' subtrees and its ancestors are checked again.
   */
  function neighboursChanged(element: Element): boolean {
    const scope = element.parentElement ?? element;
    let changed = false;
    const recheck = (near: Element) => {
      if (ownChanged(near)) changed = true;
    };
    for (const near of scope.querySelectorAll(watched)) recheck(near);
    for (let up = element.parentElement; up; up = up.parentElement) recheck(up);
    return changed;
  }

  // Constructed stylesheets by rrweb's id: those seen adopted, and those a masked or hidden host adopted.
  const knownSheets = new Set<number>();
  const restrictedSheets = new Set<number>();

  /** A sheet in a masked or hidden region (a `<style>` inside one, a sheet a restricted host adopted), or one it cannot place. */
  function restrictedSheet(data: { id?: number; styleId?: number }): boolean {
    if (typeof data.id === 'number') {
      const node = getNode(data.id);
      return node === null || check.of(node) !== Level.none;
    }
    const sheet = data.styleId;
    return typeof sheet !== 'number' || !knownSheets.has(sheet) || restrictedSheets.has(sheet);
  }

  /**
   * A rule added or changed later (`insertRule`, `replace`, `rule.style.setProperty`) in a restricted sheet
   * goes cleaned as its text in the snapshot was: the layout stays, what could carry a URL or text does not.
   */
  function keepStyleEvent(data: StyleData): boolean {
    if (!restrictedSheet(data)) return true;
    if (data.source === Source.styleDeclaration) {
      const set = data.set;
      return !set || Object.values(safeStyleDiff({ [set.property]: set.value ?? '' }))[0] !== false;
    }
    if (data.adds) data.adds = data.adds.map((add) => ({ ...add, rule: safeSheet(add.rule) }));
    for (const key of ['replace', 'replaceSync'] as const) {
      const text = data[key];
      if (typeof text === 'string') data[key] = safeSheet(text);
    }
    return true;
  }

  /** Sheets adopted by a document or shadow root: a restricted host's are cleaned, and remembered as such. */
  function cleanAdoption(data: StyleData): void {
    const host = getNode(data.id ?? -1);
    const restricted = !host || check.of(host) !== Level.none;
    for (const sheet of data.styleIds ?? []) {
      knownSheets.add(sheet);
      if (restricted) restrictedSheets.add(sheet);
    }
    if (!restricted) return;
    for (const style of data.styles ?? [])
      style.rules = style.rules.map((rule) => ({ ...rule, rule: safeSheet(rule.rule) }));
  }

  /** Returns the event to send (changed in place), or null to send nothing. */
  return function sanitize(event: CaptureEvent): CaptureEvent | null {
    const { data } = event;
    const incremental = event.type === EventType.incremental;
    // rrweb's Meta event names the page: the agent gets its address without what the site did not allow.
    if (event.type === EventType.meta) data.href = address(String(data.href ?? ''));
    if (incremental && (data.source === Source.styleSheetRule || data.source === Source.styleDeclaration))
      return keepStyleEvent(data as unknown as StyleData) ? event : null;
    if (incremental && data.source === Source.adoptedStyleSheet) cleanAdoption(data as unknown as StyleData);
    if (event.type === EventType.fullSnapshot && data.node) {
      const root = getNode(data.node.id);
      const doc = root?.nodeType === 9 ? (root as Document) : undefined;
      const levels = doc ? check.inDocument(doc) : undefined;
      for (const child of data.node.childNodes ?? [])
        cleanTree(child, Level.none, !check.maskAll, levels, root);
    } else if (event.type === EventType.incremental && data.source === Source.mutation) cleanMutation(data);
    else if (event.type === EventType.incremental && data.source === Source.input) {
      const node = getNode(data.id ?? -1);
      if (!node) return null;
      const level = check.of(node);
      if (level === Level.hide) return null;
      if (level === Level.mask) {
        data.text = maskedValue((node as HTMLInputElement).type, data.text);
        if (data.isChecked !== undefined) data.isChecked = false;
      }
    }
    return event;
  };
}
