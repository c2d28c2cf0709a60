import { encodeScene } from '@/shared/scene'
import type { Platform } from '../../platform'
import { findById } from '../../platform/find'
import { EMPTY_COUNTERS } from './counters'
import { ENTRY_PAGE, type PosterDoc } from './posters'
import { takePosterNo } from '../report/ticket'

/** Demo posters on 文明路 (inside the demo grid), one per kind of target the office uses most. */
export const DEMO_POSTERS: ReadonlyArray<Pick<PosterDoc, '_id' | 'title' | 'place' | 'target'>> = [
  {
    _id: 'DEMOREPORT',
    title: '文明城市你我共建 · 随手拍',
    place: { address: '文明路与人民路口公交站', lat: 30.278, lng: 120.15 },
    target: { kind: 'report' },
  },
  {
    _id: 'DEMOWASTE',
    title: '垃圾分类就是新时尚',
    place: { address: '文明路 88 号小区垃圾分类亭', lat: 30.2765, lng: 120.1468 },
    target: { kind: 'chapter', chapterId: 'waste', sectionId: 'waste-four-categories' },
  },
  {
    _id: 'DEMOQUIZ',
    title: '创文知识天天答',
    place: { address: '文明路社区文化家园宣传栏', lat: 30.2801, lng: 120.1523 },
    target: { kind: 'dailyQuiz' },
  },
]

/** Creates the demo posters once (their counters are left alone on later starts) and their codes. */
export async function seedEntry(platform: Platform): Promise<void> {
  const now = platform.clock.now()
  for (const poster of DEMO_POSTERS) {
    if (await findById(platform.db, 'posters', poster._id)) continue
    const scene = encodeScene({ kind: 'poster', posterId: poster._id })
    const code = await platform.openApi.createMiniProgramCode({ scene, page: ENTRY_PAGE, width: 430 })
    const { fileID } = await platform.storage.uploadFile({ cloudPath: `posters/${poster._id}.png`, fileContent: code.buffer })
    const { _id, ...fields } = poster
    await platform.db.collection('posters').doc(_id).set({
      data: {
        ...fields,
        status: 'active',
        scene,
        codeFileID: fileID,
        totals: { ...EMPTY_COUNTERS },
        requestKey: `seed-${_id}`,
        createdAt: now,
        createdBy: 'seed',
        updatedAt: now,
        // a 编号 like any registered poster's, instead of the demo id
        serialNo: await platform.db.runTransaction((tx) => takePosterNo(tx, now)),
      },
    })
  }
}
