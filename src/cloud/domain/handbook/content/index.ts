import type { HandbookChapterContent } from '@/shared/handbook/types'
import { campaign } from './campaign'
import { civicPact } from './civic-pact'
import { dining } from './dining'
import { dogs } from './dogs'
import { family } from './family'
import { online } from './online'
import { publicEtiquette } from './public-etiquette'
import { traffic } from './traffic'
import { travel } from './travel'
import { volunteer } from './volunteer'
import { waste } from './waste'

/**
 * 《市民文明手册》 as shipped with the code: one file per chapter, in reading order. Written for
 * this product from public facts (laws, national standards, common practice); where cities differ
 * (waste rules, dog rules) the text says so and points to local rules.
 *
 * Bump REPO_EDITION when these files change: `seedHandbook` then publishes them as a new version
 * (unless the office has published its own edits since, which always win).
 */
export const REPO_EDITION = 1

export const HANDBOOK_CONTENT: readonly HandbookChapterContent[] = [
  civicPact,
  traffic,
  travel,
  dining,
  waste,
  dogs,
  publicEtiquette,
  online,
  volunteer,
  family,
  campaign,
]
