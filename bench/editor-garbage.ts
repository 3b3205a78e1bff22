/**
 * What one editor keystroke leaves for the garbage collector: V8's sampling heap profiler over
 * 300 edits of one KR's `current:` in a 2,000-file workspace, as the editor benchmark types
 * (`re-check 1 edited file` in validate.bench.ts). Prints KB per edit and the functions that
 * allocate most. Not part of `npm run bench`: a tool for looking at the editor's hot path.
 *
 *   npm run build && node --import tsx bench/editor-garbage.ts [dist/core.js]
 */
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateWorkspace, workDir } from './generate-workspace';
import { nodeHost } from '../cli/node-host';

type Core = typeof import('../core');
interface ProfileNode {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: ProfileNode[];
}

const EDITS = 300;
async function main(): Promise<void> {
  // The bundle, so that allocation sites have line numbers.
  const core = (await import(pathToFileURL(resolve(process.argv[2] ?? 'dist/core.js')).href)) as Core;
  const ws = generateWorkspace({ files: 2000, dir: workDir(2000) });
  const session = await core.WorkspaceSession.open(nodeHost(ws.dir));
  const path = ws.sampleObjectivesFile;
  const lines = session.file(path)!.text.split('\n');
  const metric = lines.flatMap((line, i) => (/^ +current: \S+$/.test(line) ? [i] : []));
  const texts = Array.from({ length: EDITS + 1 }, (_, i) => {
    const line = metric[i % metric.length];
    lines[line] = lines[line].replace(/current: .*/, `current: ${(i * 0.5 + 1).toFixed(3)}`);
    return lines.join('\n');
  });
  // The first edit reads the file's positions once; it is not what a keystroke costs.
  session.update(path, texts[0]);
  session.check(path);

  const inspector = new Session();
  inspector.connect();
  await inspector.post('HeapProfiler.startSampling', {
    samplingInterval: 1024,
    includeObjectsCollectedByMajorGC: true,
    includeObjectsCollectedByMinorGC: true,
  } as never);
  for (const text of texts.slice(1)) {
    session.update(path, text);
    session.check(path);
  }
  const { profile } = (await inspector.post('HeapProfiler.stopSampling')) as unknown as { profile: { head: ProfileNode } };

  const bySite = new Map<string, number>();
  const walk = (node: ProfileNode) => {
    const { functionName, url, lineNumber } = node.callFrame;
    const site = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    bySite.set(site, (bySite.get(site) ?? 0) + node.selfSize);
    node.children.forEach(walk);
  };
  walk(profile.head);
  const kb = (bytes: number) => (bytes / EDITS / 1024).toFixed(1).padStart(7);
  console.log(`${kb([...bySite.values()].reduce((a, b) => a + b, 0))} KB per edit (update + checkFile), ${EDITS} edits of ${path}`);
  for (const [site, bytes] of [...bySite].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${kb(bytes)}  ${site}`);
}

void main();
