import type { WorkspaceModel } from '../model/workspace-model';
import { didYouMeanHint } from '../util/did-you-mean';
import {
  buildOneOnOneView,
  buildRetroView,
  buildReviewView,
  expandMembers,
  oneOnOneSeriesOf,
  renderIndex,
  retroSource,
  reviewParticipants,
  teamCycle,
} from './context';
import type { ContextKind, DocumentView, Renderer } from './renderer';

/** What to render: a template and one target, as `okra render` takes them. */
export interface RenderRequest {
  template: string;
  person?: string;
  team?: string;
  review?: string;
  retro?: string;
  /** The day documents are prepared (ISO date): numbers are as of it. */
  date: string;
}

/** One document to render: its template, where it goes, and how to build its view model. */
export interface DocumentJob {
  template: string;
  kind: ContextKind;
  /** Output path without extension, as segments: `['growwise-review', 'growwise-2026-h1', 'jonas-berg']`. */
  path: string[];
  build(): DocumentView;
}

/** A request that names an unknown template or id, or mixes targets that do not fit the template. */
export class RenderRequestError extends Error {
  override readonly name = 'RenderRequestError';
}

/** The built-in templates' kinds; a template without a `{{!-- okra: … --}}` header is assumed to be like its namesake. */
const DEFAULT_TEMPLATES: Record<ContextKind, string> = {
  person: 'one-on-one',
  review: 'growwise-review',
  retrospective: 'okr-retrospective',
};

type RendererInfo = Pick<Renderer, 'has' | 'kindOf' | 'templateNames'>;

function unknown(what: string, id: string, candidates: Iterable<string>): RenderRequestError {
  return new RenderRequestError(`Unknown ${what} "${id}"${didYouMeanHint(id, candidates)}`);
}

function kindOfRequest(renderer: RendererInfo, request: RenderRequest): ContextKind {
  const declared = renderer.kindOf(request.template);
  if (declared) return declared;
  if (request.review !== undefined) return 'review';
  if (request.retro !== undefined) return 'retrospective';
  return 'person';
}

function checkPerson(model: WorkspaceModel, id: string): void {
  if (!model.people.has(id)) throw unknown('person', id, model.people.ids());
}

function checkTeam(model: WorkspaceModel, id: string): void {
  if (!model.teams.has(id)) throw unknown('team', id, model.teams.ids());
}

const TARGET_HELP: Record<ContextKind, string> = {
  person: 'one 1:1 agenda per person: --person ID, or --team ID for each member',
  review: 'one document per participant: --review ID, optionally --person ID or --team ID to pick participants',
  retrospective: "a cycle's retrospective: --retro ID, or --team ID for a team's objectives (both: the retrospective, for that team)",
};

/**
 * The documents a request asks for. Throws {@link RenderRequestError} for an unknown template
 * or id (with "did you mean"), or targets that do not fit the template's kind.
 */
export function planDocuments(model: WorkspaceModel, renderer: RendererInfo, request: RenderRequest): DocumentJob[] {
  const { template, date } = request;
  if (!renderer.has(template)) {
    throw new RenderRequestError(
      `Unknown template "${template}"${didYouMeanHint(template, renderer.templateNames)}. Templates: ${renderer.templateNames.join(', ')}`,
    );
  }
  const kind = kindOfRequest(renderer, request);
  const given = (['person', 'team', 'review', 'retro'] as const).filter((k) => request[k] !== undefined);
  const allowed: Record<ContextKind, readonly string[]> = {
    person: ['person', 'team'],
    review: ['review', 'person', 'team'],
    retrospective: ['retro', 'team'],
  };
  const wrong = given.filter((k) => !allowed[kind].includes(k));
  if (
    given.length === 0 ||
    wrong.length > 0 ||
    (kind === 'person' && given.length > 1) ||
    (kind === 'review' && request.review === undefined) ||
    (kind === 'review' && request.person !== undefined && request.team !== undefined)
  ) {
    throw new RenderRequestError(`Template "${template}" renders ${TARGET_HELP[kind]}`);
  }
  if (request.person !== undefined) checkPerson(model, request.person);
  if (request.team !== undefined) checkTeam(model, request.team);
  const index = renderIndex(model);

  switch (kind) {
    case 'person': {
      const people = request.person !== undefined ? [request.person] : (index.teamMembers.get(request.team as string) ?? []);
      return people.map((person) => ({
        template,
        kind,
        path: [template, person],
        build: () => buildOneOnOneView(model, person, { date }),
      }));
    }
    case 'review': {
      const reviewId = request.review as string;
      if (!model.reviews.has(reviewId)) throw unknown('review', reviewId, model.reviews.ids());
      let people = reviewParticipants(model, reviewId);
      if (request.person !== undefined) {
        if (!people.includes(request.person))
          throw new RenderRequestError(
            `"${request.person}" is not a participant of review "${reviewId}"${didYouMeanHint(request.person, people)}`,
          );
        people = [request.person];
      } else if (request.team !== undefined) {
        const members = new Set(index.teamMembers.get(request.team) ?? []);
        people = people.filter((p) => members.has(p));
      }
      return people.map((person) => ({
        template,
        kind,
        path: [template, reviewId, person],
        build: () => buildReviewView(model, reviewId, person, { date }),
      }));
    }
    case 'retrospective': {
      const team = request.team;
      if (request.retro !== undefined) {
        const source = retroSource(model, request.retro);
        if (!source) throw unknown('retrospective', request.retro, model.retrospectives.ids());
        const path = team === undefined ? [template, request.retro] : [template, request.retro, team];
        return [{ template, kind, path, build: () => buildRetroView(model, source, { date, team }) }];
      }
      const cycle = teamCycle(model, team as string, date);
      if (cycle === undefined) throw new RenderRequestError(`Team "${team}" and its people own no objectives in any cycle`);
      const members = index.teamMembers.get(team as string) ?? [];
      return [
        {
          template,
          kind,
          path: [template, `${team}-${cycle.toLowerCase()}`],
          build: () => buildRetroView(model, { cycle, participants: members }, { date, team }),
        },
      ];
    }
  }
}

/** A document of the workspace that cannot be rendered, and why. */
export interface SkippedDocument {
  what: string;
  reason: string;
}

/**
 * Every document of the workspace: each report's 1:1 agenda for every 1:1 series, each
 * review's document per participant, each retrospective; with the template each item names
 * (or the built-in default). Items whose template is missing or of another kind are skipped
 * and listed.
 */
export function planAllDocuments(
  model: WorkspaceModel,
  renderer: RendererInfo,
  date: string,
): { jobs: DocumentJob[]; skipped: SkippedDocument[] } {
  const index = renderIndex(model);
  const jobs: DocumentJob[] = [];
  const skipped: SkippedDocument[] = [];
  const usable = (name: string, kind: ContextKind, what: string): boolean => {
    if (!renderer.has(name))
      skipped.push({ what, reason: `template "${name}" does not exist${didYouMeanHint(name, renderer.templateNames)}` });
    else if ((renderer.kindOf(name) ?? kind) !== kind)
      skipped.push({ what, reason: `template "${name}" is for a ${renderer.kindOf(name)}, not a ${kind}` });
    else return true;
    return false;
  };
  const templateOf = (value: unknown, kind: ContextKind) => (typeof value === 'string' && value !== '' ? value : DEFAULT_TEMPLATES[kind]);

  const taken = new Set<string>();
  for (const entry of model.oneOnOnes) {
    const manager = typeof entry.value.manager === 'string' ? entry.value.manager.replace(/^person\//, '') : undefined;
    if (manager === undefined) continue;
    const template = templateOf(entry.value.template, 'person');
    for (const person of expandMembers(index, entry.value.reports, manager)) {
      if (!usable(template, 'person', `1:1 of ${person} with ${manager}`)) continue;
      // A person with 1:1s in two series gets one agenda per series.
      let name = person;
      if (taken.has(`${template}/${name}`)) name = `${person}--${manager}`;
      taken.add(`${template}/${name}`);
      const first = oneOnOneSeriesOf(model, person)[0]?.manager;
      jobs.push({
        template,
        kind: 'person',
        path: [template, name],
        build: () => buildOneOnOneView(model, person, { date, manager: first === manager ? undefined : manager }),
      });
    }
  }
  for (const review of model.reviews.all) {
    const template = templateOf(review.value.template, 'review');
    if (!usable(template, 'review', `review ${review.id}`)) continue;
    for (const person of reviewParticipants(model, review.id)) {
      jobs.push({
        template,
        kind: 'review',
        path: [template, review.id, person],
        build: () => buildReviewView(model, review.id, person, { date }),
      });
    }
  }
  for (const retro of model.retrospectives.all) {
    const template = templateOf(retro.value.template, 'retrospective');
    if (!usable(template, 'retrospective', `retrospective ${retro.id}`)) continue;
    const source = retroSource(model, retro.id);
    if (source)
      jobs.push({ template, kind: 'retrospective', path: [template, retro.id], build: () => buildRetroView(model, source, { date }) });
  }
  return { jobs, skipped };
}
