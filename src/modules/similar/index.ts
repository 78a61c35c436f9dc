import type { Module } from '../module.js';
import { countSimilarTermsJob, pruneSimilarIndexJob } from './similar.jobs.js';
import { similarRoutes } from './similar.routes.js';

/** Same and similar requests (并案): the text index, proposals with evidence, automatic merging. */
export const similarModule: Module = {
  name: 'similar',
  routes: similarRoutes,
  jobs: [pruneSimilarIndexJob, countSimilarTermsJob],
};

export {
  caseMerged,
  reportJoined,
  reportSplit,
  similarAtIntake,
  rankCandidates,
  type Proposal,
} from './similar.service.js';
export { scorePair, type Probe, type Evidence } from './similar.score.js';
export { normalise, shingles, textBuckets } from './similar.text.js';
