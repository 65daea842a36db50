// Whole-document checks on parsed JSON, done without recursion so hostile nesting cannot overflow the stack.

import { Issues, childPath } from './issues';
import { OverflowNumber } from './overflow-numbers';
import { MAX_TEXT_LENGTH } from './fields';

interface Node {
  value: unknown;
  parent: Node | null;
  key: string | number;
  depth: number;
}

function pathOf(node: Node, rootPath: string): string {
  const keys: (string | number)[] = [];
  for (let at: Node | null = node; at?.parent; at = at.parent) keys.push(at.key);
  return keys.reverse().reduce<string>((path, key) => childPath(path, key), rootPath);
}

function childrenOf(node: Node, include: (key: string | number, value: unknown) => boolean): Node[] {
  const { value } = node;
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  const children: Node[] = [];
  for (const [key, child] of entries) {
    if (include(key, child)) children.push({ value: child, parent: node, key, depth: node.depth + 1 });
  }
  return children;
}

/**
 * Visits values under `root` in document order, without recursion. `visit` returns false to
 * skip a value's children; `include` filters children before they are visited.
 */
function walk(
  root: unknown,
  visit: (node: Node) => boolean,
  include: (key: string | number, value: unknown) => boolean = () => true,
): void {
  const stack: Node[] = [{ value: root, parent: null, key: '', depth: 0 }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node)) continue;
    const children = childrenOf(node, include);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i]);
  }
}

const isContainerOrProtoKey = (key: string | number, value: unknown) =>
  key === '__proto__' || (typeof value === 'object' && value !== null);

/**
 * Rejects "__proto__" keys anywhere (a later object merge could turn one into prototype
 * pollution) and nesting deeper than any real workspace needs.
 */
export function checkStructure(doc: unknown, issues: Issues, maxDepth: number): void {
  const visit = (node: Node) => {
    if (node.key === '__proto__') {
      issues.add(pathOf(node, ''), 'the key "__proto__" is not allowed');
      return false;
    }
    if (node.depth > maxDepth) {
      issues.add(pathOf(node, ''), `nested more than ${maxDepth} levels deep`);
      return false;
    }
    return true;
  };
  // Only containers can hold keys or nesting, so scalars are not visited (a big file has millions).
  walk(doc, visit, isContainerOrProtoKey);
}

/** Free-form data (assumptions, view): plain JSON with bounded size, text and finite numbers. */
export function checkFreeForm(value: unknown, rootPath: string, issues: Issues, maxValues: number): void {
  let seen = 0;
  walk(value, (node) => {
    seen += 1;
    if (seen === maxValues + 1) issues.add(rootPath, `too large: more than ${maxValues} values`);
    if (seen > maxValues) return false;
    const found = node.value;
    if (found instanceof OverflowNumber || (typeof found === 'number' && !Number.isFinite(found))) {
      issues.expected(pathOf(node, rootPath), 'a finite number', found);
      return false;
    }
    if (typeof found === 'string' && found.length > MAX_TEXT_LENGTH) {
      issues.add(pathOf(node, rootPath), `text too long: ${found.length} characters, at most ${MAX_TEXT_LENGTH} allowed`);
    }
    return true;
  });
}
