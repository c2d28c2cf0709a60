/**
 * A stand-in for the shared scene codec (`src/shared/scene.ts`, coming later): reads the short
 * `scene` a 小程序码 carries. One letter says what the code opens, the rest is the target's id:
 *   p<posterId>  公益广告 poster    c<code>  volunteer shift check-in    s<code>  class join
 * WeChat caps a scene at 32 visible characters; ids use letters, digits, `_` and `-`.
 */
export type SceneTarget =
  | { kind: 'poster'; posterId: string }
  | { kind: 'shiftCheckIn'; code: string }
  | { kind: 'classJoin'; code: string }

const SCENE_SHAPE = /^([pcs])([A-Za-z0-9_-]{1,31})$/

/** `null` for a missing, garbled or unknown scene: the caller falls back to 首页. */
export function parseScene(raw: string | undefined | null): SceneTarget | null {
  if (!raw) return null
  let scene: string
  try {
    // WeChat hands the scene to the page URI-encoded
    scene = decodeURIComponent(raw).trim()
  } catch {
    return null
  }
  const match = SCENE_SHAPE.exec(scene)
  if (!match) return null
  const [, prefix, id] = match
  if (prefix === 'p') return { kind: 'poster', posterId: id }
  if (prefix === 'c') return { kind: 'shiftCheckIn', code: id }
  return { kind: 'classJoin', code: id }
}
