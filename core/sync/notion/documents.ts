import { createHash } from 'node:crypto';
import { toNotionChunks, type NotionBlock } from '../../render/to-notion';
import type { DocumentState, SyncState } from './state';
import type { NotionTransport } from './transport';

/** The page okra makes under `notion.parent_page` to hold rendered documents. */
export const DOCUMENTS_TITLE = 'Documents';

/** Which kinds of rendered documents become pages (`notion.documents` of okra.config.yaml). */
export interface DocumentSettings {
  one_on_ones: boolean;
  /** Review documents hold people's assessments: private unless the config says otherwise. */
  reviews: boolean;
  retrospectives: boolean;
}

export const DEFAULT_DOCUMENT_SETTINGS: Readonly<DocumentSettings> = Object.freeze({
  one_on_ones: true,
  reviews: false,
  retrospectives: true,
});

/** The settings of a config's `notion.documents` (missing keys take the defaults). */
export function documentSettings(documents: unknown): DocumentSettings {
  const raw = (typeof documents === 'object' && documents !== null ? documents : {}) as Record<string, unknown>;
  const flag = (key: keyof DocumentSettings) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : DEFAULT_DOCUMENT_SETTINGS[key]);
  return { one_on_ones: flag('one_on_ones'), reviews: flag('reviews'), retrospectives: flag('retrospectives') };
}

/** Whether documents of a render kind (`person`, `review`, `retrospective`) are synced. */
export function documentAllowed(settings: DocumentSettings, kind: string): boolean {
  if (kind === 'person') return settings.one_on_ones;
  if (kind === 'review') return settings.reviews;
  if (kind === 'retrospective') return settings.retrospectives;
  return false;
}

/** A rendered document to keep as a page. */
export interface DocumentPage {
  /** Stable key: template and target (`one-on-one/grace`, `okr-retrospective/h1-retro`). */
  key: string;
  /** Render kind: person, review, retrospective. */
  kind: string;
  markdown: string;
  /** Used when the Markdown has no heading. */
  fallbackTitle?: string;
}

/** The page title of a document: its first heading's text. */
export function documentTitle(doc: DocumentPage): string {
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(doc.markdown)?.[1];
  const plain = heading
    ?.replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/[*_`]/g, '')
    .trim();
  return plain || doc.fallbackTitle || doc.key;
}

/** Content hash of a document as a page (title and Markdown). */
export function documentHash(doc: DocumentPage): string {
  return createHash('sha256')
    .update(`${documentTitle(doc)}\n${doc.markdown}`)
    .digest('hex')
    .slice(0, 20);
}

export type DocumentOp =
  | { op: 'create'; key: string; title: string; hash: string; blocks: NotionBlock[][] }
  | { op: 'replace'; key: string; title: string; hash: string; blocks: NotionBlock[][]; page: DocumentState }
  | { op: 'archive'; key: string; page: DocumentState }
  | { op: 'unchanged'; key: string };

export interface DocumentsPlan {
  /** The Documents page must be made (first sync, or it was deleted in Notion). */
  createRoot: boolean;
  ops: DocumentOp[];
  counts: { create: number; replace: number; archive: number; unchanged: number };
  notes: string[];
}

/** What Notion holds of the documents: whether the Documents page is there, and which of its pages are. */
export interface RemoteDocuments {
  rootAlive: boolean;
  /** Compact ids of the live child pages of the Documents page. */
  livePages: Set<string>;
}

/** Children in one request, at any level. */
const MAX_CHILDREN = 100;

const compact = (id: string) => id.replace(/-/g, '').toLowerCase();

/**
 * Reads the Documents page recorded in the state and its child pages (two requests for up to
 * 100 documents). Without a recorded page, looks for a "Documents" page under the parent so a
 * lost state file does not make a second one.
 */
export async function readRemoteDocuments(
  t: NotionTransport,
  parentPageId: string,
  state: SyncState,
  botId?: string,
): Promise<RemoteDocuments> {
  let rebuild = false;
  if (!state.documents) {
    const found = (await t.childPages(parentPageId)).find((p) => p.title === DOCUMENTS_TITLE && (!botId || p.createdBy === botId));
    if (!found) return { rootAlive: false, livePages: new Set() };
    state.documents = { pageId: found.id, pages: {} };
    rebuild = true;
  }
  const rootAlive = await t.pageAlive(state.documents.pageId);
  if (!rootAlive) return { rootAlive, livePages: new Set() };
  const children = await t.childPages(state.documents.pageId);
  if (rebuild && botId) {
    // A lost state: okra's pages are known again by title, and their blocks by creator (okra's bot).
    for (const child of children) {
      if (child.createdBy !== botId) continue;
      const blocks = await t.childBlocks(child.id);
      state.documents.pages[`${ADOPTED}${child.title}`] = {
        pageId: child.id,
        title: child.title,
        hash: '',
        blockIds: blocks.filter((b) => b.createdBy === botId).map((b) => b.id),
      };
    }
  }
  return { rootAlive, livePages: new Set(children.map((p) => compact(p.id))) };
}

/** Key prefix of pages found again after a lost state, until a document claims them by title. */
const ADOPTED = '?';

/**
 * Diffs the rendered documents with the pages okra made: a new document is created, one whose
 * hash changed (or whose page was deleted in Notion) is replaced, one that is no longer rendered
 * is archived, the rest is left alone without a request.
 */
export function planDocuments(docs: readonly DocumentPage[], state: SyncState, remote: RemoteDocuments): DocumentsPlan {
  const ops: DocumentOp[] = [];
  const notes: string[] = [];
  const known = remote.rootAlive ? (state.documents?.pages ?? {}) : {};
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.key)) continue;
    seen.add(doc.key);
    const title = documentTitle(doc);
    const hash = documentHash(doc);
    const page = known[doc.key] ?? known[`${ADOPTED}${title}`];
    if (page && !remote.livePages.has(compact(page.pageId))) {
      notes.push(`document ${doc.key}: its page was deleted in Notion; making it again`);
      ops.push({ op: 'create', key: doc.key, title, hash, blocks: toNotionChunks(doc.markdown) });
    } else if (!page) ops.push({ op: 'create', key: doc.key, title, hash, blocks: toNotionChunks(doc.markdown) });
    else if (page.hash !== hash) ops.push({ op: 'replace', key: doc.key, title, hash, blocks: toNotionChunks(doc.markdown), page });
    else ops.push({ op: 'unchanged', key: doc.key });
  }
  const claimed = new Set(ops.flatMap((o) => (o.op === 'replace' ? [compact(o.page.pageId)] : [])));
  for (const [key, page] of Object.entries(known)) {
    if (seen.has(key) || claimed.has(compact(page.pageId))) continue;
    if (remote.livePages.has(compact(page.pageId))) ops.push({ op: 'archive', key, page });
  }
  const count = (op: DocumentOp['op']) => ops.filter((o) => o.op === op).length;
  const createRoot = !remote.rootAlive && ops.some((o) => o.op === 'create');
  return {
    createRoot,
    ops,
    notes,
    counts: { create: count('create'), replace: count('replace'), archive: count('archive'), unchanged: count('unchanged') },
  };
}

export interface DocumentsResult {
  created: number;
  replaced: number;
  archived: number;
  /** Append requests sent. */
  appends: number;
}

/**
 * Carries out a documents plan, one request at a time (appends to one page must stay in
 * order). The state records every block okra appends as soon as it is appended, so a changed
 * document's old content is removed block by block — only okra's blocks: anything people
 * added to the page stays — and a crash never loses track of a block.
 */
export async function applyDocuments(
  t: NotionTransport,
  plan: DocumentsPlan,
  options: { parentPageId: string; state: SyncState; save: () => Promise<void> },
): Promise<DocumentsResult> {
  const { state } = options;
  const result: DocumentsResult = { created: 0, replaced: 0, archived: 0, appends: 0 };
  if (plan.ops.every((o) => o.op === 'unchanged')) return result;
  if (plan.createRoot || !state.documents) {
    const pageId = await t.createChildPage(
      options.parentPageId,
      DOCUMENTS_TITLE,
      '📄',
      async () => (await t.childPages(options.parentPageId)).find((p) => p.title === DOCUMENTS_TITLE)?.id,
    );
    state.documents = { pageId, pages: {} };
    await options.save();
  }
  const docs = state.documents!;
  const append = async (page: DocumentState, blocks: NotionBlock[][]) => {
    for (const chunk of blocks) {
      // A block with more than 100 children (a long table) goes with its first 100; the rest follow.
      const rest: Array<{ index: number; children: NotionBlock[] }> = [];
      const sent = chunk.map((block, index) => {
        const body = block[block.type] as Record<string, unknown> | undefined;
        const children = body?.children;
        if (!Array.isArray(children) || children.length <= MAX_CHILDREN) return block;
        rest.push({ index, children: children.slice(MAX_CHILDREN) as NotionBlock[] });
        return { ...block, [block.type]: { ...body, children: children.slice(0, MAX_CHILDREN) } };
      });
      const ids = await t.appendBlocks(page.pageId, sent);
      result.appends++;
      page.blockIds.push(...ids);
      await options.save();
      for (const r of rest) {
        for (let i = 0; i < r.children.length; i += MAX_CHILDREN) {
          await t.appendBlocks(ids[r.index], r.children.slice(i, i + MAX_CHILDREN));
          result.appends++;
        }
      }
    }
  };
  for (const op of plan.ops) {
    if (op.op === 'create') {
      const taken = new Set(Object.values(docs.pages).map((p) => compact(p.pageId)));
      const pageId = await t.createChildPage(
        docs.pageId,
        op.title,
        undefined,
        async () => (await t.childPages(docs.pageId)).find((p) => p.title === op.title && !taken.has(compact(p.id)))?.id,
      );
      const page: DocumentState = { pageId, title: op.title, hash: '', blockIds: [] };
      docs.pages[op.key] = page;
      await options.save();
      await append(page, op.blocks);
      page.hash = op.hash;
      await options.save();
      result.created++;
    } else if (op.op === 'replace') {
      const page = docs.pages[op.key] ?? op.page;
      for (const [key, p] of Object.entries(docs.pages)) if (p === op.page && key !== op.key) delete docs.pages[key];
      docs.pages[op.key] = page;
      page.hash = '';
      while (page.blockIds.length > 0) {
        await t.deleteBlock(page.blockIds[0]);
        page.blockIds.shift();
        if (page.blockIds.length % 20 === 0) await options.save();
      }
      if (page.title !== op.title) {
        await t.renamePage(page.pageId, op.title);
        page.title = op.title;
      }
      await options.save();
      await append(page, op.blocks);
      page.hash = op.hash;
      await options.save();
      result.replaced++;
    } else if (op.op === 'archive') {
      await t.archiveRow(op.page.pageId);
      delete docs.pages[op.key];
      await options.save();
      result.archived++;
    }
  }
  return result;
}

/** The documents part of the plan: `+ create document …`, `~ replace document …`, `- archive document …`. */
export function formatDocumentsPlan(plan: DocumentsPlan): string {
  const lines: string[] = [];
  if (plan.createRoot) lines.push(`+ create page ${DOCUMENTS_TITLE}`);
  for (const op of plan.ops) {
    if (op.op === 'create') lines.push(`+ create document ${op.key} (${op.blocks.reduce((n, c) => n + c.length, 0)} blocks)`);
    else if (op.op === 'replace') lines.push(`~ replace document ${op.key} (${op.blocks.reduce((n, c) => n + c.length, 0)} blocks)`);
    else if (op.op === 'archive') lines.push(`- archive document ${op.key}`);
  }
  const n = plan.counts;
  lines.push(`Documents: ${n.create} to create, ${n.replace} to replace, ${n.archive} to archive, ${n.unchanged} unchanged.`);
  return lines.join('\n') + '\n';
}
