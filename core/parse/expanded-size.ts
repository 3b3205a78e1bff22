import type { Document, Node } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from './yaml-library';

/**
 * How much data a document holds once its aliases are expanded: a scalar counts its length, a
 * collection one plus its items, an alias what its anchor holds. Anchors are measured once, so
 * this takes time in the size of the text, not of the expansion ("billion laughs"). Stops
 * counting soon after `limit`.
 */
export function expandedSize(doc: Document.Parsed, limit: number): number {
  const sizes = new Map<unknown, number>();
  // Anchors in the order they appear: an alias names the latest anchor before it.
  const anchors = new Map<string, Node>();
  const sizeOf = (node: unknown): number => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      return target ? (sizes.get(target) ?? 1) : 1;
    }
    if (!isScalar(node) && !isMap(node) && !isSeq(node)) return 1;
    if (node.anchor) anchors.set(node.anchor, node);
    // An alias inside its own anchor counts once (yaml refuses the cycle itself).
    sizes.set(node, 1);
    let size = 1;
    if (isScalar(node)) size += node.range ? node.range[1] - node.range[0] : String(node.value).length;
    else {
      for (const item of node.items) {
        size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
        if (size > limit) break;
      }
    }
    sizes.set(node, size);
    return size;
  };
  return sizeOf(doc.contents);
}
