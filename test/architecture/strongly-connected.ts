/**
 * The strongly connected components of a directed graph (Tarjan's algorithm), each sorted, in
 * the order of their smallest node. A component with more than one node is a set of nodes that
 * all reach each other: an import cycle when the nodes are folders.
 */
export function stronglyConnectedComponents(edges: ReadonlyArray<{ from: string; to: string }>): string[][] {
  const successors = new Map<string, string[]>();
  for (const { from, to } of edges) {
    if (!successors.has(from)) successors.set(from, []);
    if (!successors.has(to)) successors.set(to, []);
    successors.get(from)!.push(to);
  }

  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];

  // Iterative, so that a long chain of folders cannot overflow the call stack.
  for (const root of [...successors.keys()].sort()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: number }> = [{ node: root, next: 0 }];
    const visit = (node: string) => {
      index.set(node, index.size);
      lowLink.set(node, index.get(node)!);
      stack.push(node);
      onStack.add(node);
    };
    visit(root);
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const targets = successors.get(frame.node)!;
      if (frame.next < targets.length) {
        const target = targets[frame.next++];
        if (!index.has(target)) {
          visit(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1].node;
        lowLink.set(parent, Math.min(lowLink.get(parent)!, lowLink.get(frame.node)!));
      }
      if (lowLink.get(frame.node) === index.get(frame.node)) {
        const component: string[] = [];
        let member: string;
        do {
          member = stack.pop()!;
          onStack.delete(member);
          component.push(member);
        } while (member !== frame.node);
        components.push(component.sort());
      }
    }
  }
  return components.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}
