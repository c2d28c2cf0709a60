import { seedDemoData } from '@/cloud/local-host/seed'
import { startTestCloud, type TestCloud } from './cloud'

/**
 * One test cloud for the whole file, seeded with the demo data as `npm start` seeds it (the demo
 * office account is an admin). Registers its own beforeAll/afterAll; call it at the file's top
 * level and read the cloud through the returned function inside tests.
 */
export function seededDemoCloud(): () => TestCloud {
  let cloud: TestCloud | null = null
  beforeAll(async () => {
    cloud = startTestCloud({ adminOpenids: ['demo-admin'] })
    await seedDemoData(cloud.platform)
  }, 60_000)
  afterAll(() => cloud?.close())
  return () => {
    if (!cloud) throw new Error('the demo cloud is used outside a test')
    return cloud
  }
}
