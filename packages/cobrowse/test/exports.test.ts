import { expect, it } from 'vitest';
import * as agent from '../src/agent';
import * as entry from '../src/index';

it('exports exactly its documented public surface', () => {
  expect(Object.keys(entry).sort()).toMatchInlineSnapshot(`
    [
      "cobrowse",
      "defaultHide",
      "defaultMask",
      "defaultReadonly",
      "defaultUnmask",
      "restrictionsFor",
      "urlMatches",
    ]
  `);
});

it('exports exactly the agent viewer from @tandem/cobrowse/agent', () => {
  expect(Object.keys(agent).sort()).toMatchInlineSnapshot(`
    [
      "mountCobrowseViewer",
      "refusalMessages",
    ]
  `);
});

it('exports functions and selector lists, not placeholders', () => {
  expect(typeof entry.cobrowse).toBe('function');
  expect(typeof entry.restrictionsFor).toBe('function');
  expect(typeof entry.urlMatches).toBe('function');
  expect(typeof agent.mountCobrowseViewer).toBe('function');
  for (const list of [entry.defaultMask, entry.defaultHide, entry.defaultReadonly]) {
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((selector) => typeof selector === 'string')).toBe(true);
  }
});
