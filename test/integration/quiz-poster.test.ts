import { expectOk, TEST_ADMIN, type TestCloud } from '../support/cloud'
import { startDaily, startQuizCloud, takeQuiz } from './quiz-support'

let cloud: TestCloud
beforeEach(async () => {
  cloud = await startQuizCloud()
})
afterEach(() => cloud.close())

test('a quiz submitted within a day of scanning a poster counts once in that poster’s stats', async () => {
  const poster = expectOk(
    await cloud.as(TEST_ADMIN).call('entry', 'registerPoster', {
      title: '创文知识天天答',
      place: { lat: 30.2801, lng: 120.1523, address: '文明路社区宣传栏' },
      target: { kind: 'dailyQuiz' },
      requestId: 'poster-quiz',
    }),
  )
  expectOk(await cloud.as('alice').call('entry', 'scan', { posterId: poster.id }))
  await takeQuiz(cloud, 'alice', await startDaily(cloud, 'alice'), 'right')
  await takeQuiz(cloud, 'bob', await startDaily(cloud, 'bob'), 'right')
  const practice = expectOk(await cloud.as('alice').call('quiz', 'start', { mode: 'practice', topic: 'waste' }))
  await takeQuiz(cloud, 'alice', practice, 'wrong')
  const stats = expectOk(await cloud.as(TEST_ADMIN).call('entry', 'posterStats', { posterId: poster.id }))
  expect(stats.poster.totals).toMatchObject({ scans: 1, people: 1, quizzes: 1 })
})
