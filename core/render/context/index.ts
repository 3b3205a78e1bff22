export * from './types';
export { buildOneOnOneView, oneOnOneSeriesOf, keyResultsOfPerson, type OneOnOneOptions } from './person-context';
export { buildReviewView, reviewParticipants, type ReviewOptions } from './review-context';
export { buildRetroView, retroSource, teamCycle, objectivesOfCycle, type RetroOptions, type RetroSource } from './retro-context';
export { renderIndex, RenderIndex, daysBetween, isoDate } from './model-index';
export { expandMembers, personScopes, tiersOfTeam } from './people';
export { formatValue, formatChange, formatSeconds } from './format-value';
