import type { ResultLine, RolemodelCategoryId, RoundWeights } from '@/shared/contract'

export interface ResultInput {
  candidateId: string
  name: string
  categoryId: RolemodelCategoryId
  votes: number
  panelScore: number
}

const two = (x: number) => Math.round(x * 100) / 100

/**
 * The weighted result, every number kept: a candidate's votes become a 0–100 score against the
 * most votes any candidate got (so the scale does not depend on turnout), the panel's score is
 * already 0–100, and the total is their weighted sum. Ties go to more votes, then the higher
 * panel score, then the id (a fixed order, so the same numbers always give the same ranking).
 */
export function computeResult(lines: readonly ResultInput[], weights: RoundWeights, seats: number): { maxVotes: number; lines: ResultLine[] } {
  const maxVotes = lines.reduce((m, l) => Math.max(m, l.votes), 0)
  const scored = lines.map((l) => {
    const voteScore = maxVotes > 0 ? (l.votes / maxVotes) * 100 : 0
    const total = (voteScore * weights.votes + l.panelScore * weights.panel) / 100
    return { ...l, voteScore, total }
  })
  scored.sort((a, b) => b.total - a.total || b.votes - a.votes || b.panelScore - a.panelScore || a.candidateId.localeCompare(b.candidateId))
  return {
    maxVotes,
    lines: scored.map((l, i) => ({
      candidateId: l.candidateId,
      name: l.name,
      categoryId: l.categoryId,
      votes: l.votes,
      voteScore: two(l.voteScore),
      panelScore: two(l.panelScore),
      total: two(l.total),
      rank: i + 1,
      chosen: i < seats,
    })),
  }
}
