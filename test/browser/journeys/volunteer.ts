import { mkdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import QRCode from 'qrcode'
import type { BrowserTest } from '../types'
import { visible } from '../locate'

/**
 * 志愿服务 end to end on the H5 build, on the real clock: a resident signs up (registering on the
 * way) → the organizer shows the rotating code → the resident checks in by typing the 6-digit code
 * from the organizer's screen → checks out → the organizer confirms (crediting by hand the time a
 * test run cannot wait for, with a reason) → the resident's hours and certificate show it, and
 * anyone can verify the certificate's code; the certificate saves as a 750-px PNG (issue #10).
 */
const MIN = 60_000

interface Published {
  id: string
  shifts: Array<{ id: string }>
}

function data<T>(result: { ok: boolean; data?: unknown; code?: string; message?: string }, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.code} ${result.message}`)
  return result.data as T
}

/**
 * The QR drawn on the saved image holds the verification address: no QR reader is installed, so the
 * browser reads the image's pixels and every module of the symbol `qrcode` builds for the link
 * must be there (found by its two top finder patterns, 7 modules wide, a symbol's width apart).
 */
async function expectVerificationQr(t: BrowserTest, png: Buffer, link: string): Promise<void> {
  const qr = QRCode.create(link, { errorCorrectionLevel: 'M' })
  // tsx keeps function names with a `__name` helper the page does not have (a string is sent as is)
  await t.page.evaluate('window.__name = window.__name || ((fn) => fn)')
  const found = await t.page.evaluate(
    async ({ src, size, modules }) => {
      const image = new Image()
      await new Promise((resolve, reject) => {
        image.onload = resolve
        image.onerror = reject
        image.src = src
      })
      const canvas = document.createElement('canvas')
      canvas.width = image.width
      canvas.height = image.height
      const ctx = canvas.getContext('2d')
      if (!ctx) return 'no canvas'
      ctx.drawImage(image, 0, 0)
      const { data, width, height } = ctx.getImageData(0, 0, canvas.width, canvas.height)
      const dark = (x: number, y: number) => data[(y * width + x) * 4] < 128 && data[(y * width + x) * 4 + 1] < 128
      const runAt = (x: number, y: number) => {
        let end = x
        while (end < width && dark(end, y)) end++
        return end - x
      }
      for (let y = 0; y < height; y++) {
        for (let x = 1; x < width; x++) {
          if (!dark(x, y) || dark(x - 1, y)) continue
          const run = runAt(x, y)
          if (run < 14 || run % 7 !== 0) continue
          const m = run / 7
          const right = x + (size - 7) * m
          if (right >= width || dark(right - 1, y) || runAt(right, y) !== run) continue
          let wrong = 0
          for (let r = 0; r < size; r++)
            for (let c = 0; c < size; c++) if (dark(x + c * m + (m >> 1), y + r * m + (m >> 1)) !== (modules[r * size + c] === 1)) wrong++
          return wrong === 0 ? 'ok' : `${wrong} of ${size * size} modules differ`
        }
      }
      return 'no QR symbol found'
    },
    { src: `data:image/png;base64,${png.toString('base64')}`, size: qr.modules.size, modules: Array.from(qr.modules.data, (v) => (v ? 1 : 0)) },
  )
  if (found !== 'ok') throw new Error(`the certificate image's QR is not the verification link ${link}: ${found}`)
}

/** Types the code into the check-in card and waits for the outcome; a code that rotated meanwhile is read again. */
async function punchWithCode(t: BrowserTest, shiftId: string, readCode: () => Promise<string>, expect: string): Promise<void> {
  const { page } = t
  for (let attempt = 0; attempt < 2; attempt++) {
    const code = await readCode()
    await visible(page, `input#wm-vo-digits-${shiftId}`).fill(code)
    await visible(page, `#wm-vo-code-submit-${shiftId}`).tap()
    const message = visible(page, `#wm-vo-punch-message-${shiftId}`)
    await message.waitFor()
    const text = (await message.textContent()) ?? ''
    if (text.includes(expect)) return
    if (!text.includes('过期')) throw new Error(`check-in card says "${text}", expected "${expect}"`)
  }
  throw new Error(`the code kept expiring before "${expect}"`)
}

export default async function volunteerJourney(t: BrowserTest): Promise<void> {
  const { page } = t

  // —— arrange: the demo team's organizer publishes a shift that starts in 20 minutes (check-in opens 30 before) ——
  const start = Date.now() + 20 * MIN
  const published = data<Published>(
    await t.call(
      'volunteer',
      'publishActivity',
      {
        teamId: 'team-demo',
        type: 'traffic',
        title: '早高峰文明交通劝导',
        description: '在路口协助劝导行人和非机动车遵守信号灯。请穿志愿者马甲，提前 10 分钟到岗。',
        place: { name: '文明路与人民路交叉口', address: '文明路与人民路交叉口东北角岗亭', lat: 30.2781, lng: 120.1465 },
        geofenceRadiusM: 200,
        shifts: [{ startAt: start, endAt: start + 60 * MIN, capacity: 5 }],
      },
      'demo-organizer',
    ),
    'publishActivity',
  )
  const shiftId = published.shifts[0].id

  // —— a resident browses the 志愿 tab ——
  await t.signInAs('demo-resident')
  await t.open('pages/volunteer/index')
  // the tab lists one Beijing day at a time: after 23:40 a shift 20 minutes away is tomorrow's
  const shiftDay = new Date(start + 8 * 60 * MIN).toISOString().slice(0, 10)
  await visible(page, `#wm-vo-day-${shiftDay}`).tap()
  await visible(page, `#wm-vo-activity-${published.id}`).waitFor()
  await t.shot('01-tab')
  await visible(page, '#wm-vo-type-environment').tap()
  await visible(page, '#wm-vo-activity-demo-act-environment').waitFor().catch(async () => {
    // the seeded river clean-up is in the afternoon; late in the day there may be none left today
    await visible(page, '.wm-state').waitFor()
  })
  await t.shot('02-tab-filtered')

  // —— detail → sign up → registration first ——
  const confirmLateSignUp = async () => {
    await page.locator('.taro-modal__title:visible', { hasText: '临近开始' }).waitFor()
    await page.locator('.taro-model__confirm:visible').tap()
  }
  await t.open(`packages/volunteer/pages/activity/index?id=${published.id}`)
  await visible(page, '#wm-vo-detail').waitFor()
  // the place in words and on the map, never as coordinates
  const placeCard = visible(page, '#wm-vo-place')
  await placeCard.filter({ hasText: '文明路与人民路交叉口东北角岗亭' }).filter({ hasText: '200 米' }).waitFor()
  await visible(page, '#wm-vo-map').waitFor()
  const placeText = (await placeCard.textContent()) ?? ''
  if (placeText.includes('坐标') || /\d{2,3}\.\d{3,}/.test(placeText)) throw new Error(`the activity's place shows coordinates: ${placeText}`)
  await t.shot('03-detail')
  await visible(page, `#wm-vo-signup-${shiftId}`).tap()
  // the shift starts in 20 minutes, inside its late-cancel window: signing up asks once (issue #10)
  await confirmLateSignUp()
  await visible(page, '#wm-vo-register').waitFor()
  await visible(page, 'input#wm-vo-realname').fill('王文明')
  await visible(page, 'input#wm-vo-idnumber').fill('110101199003074258')
  await visible(page, 'input#wm-vo-phone').fill('13800138000')
  await visible(page, '#wm-vo-consent').tap()
  await t.shot('04-register')
  await visible(page, '#wm-vo-register-submit').tap()
  await visible(page, '#wm-vo-detail').waitFor()
  await visible(page, `#wm-vo-signup-${shiftId}`).tap()
  await confirmLateSignUp()
  await visible(page, '#wm-vo-message').filter({ hasText: '报名成功' }).waitFor()
  await visible(page, `#wm-vo-cancel-${shiftId}`).waitFor()
  await t.shot('05-signed-up')

  // —— the organizer shows the rotating code ——
  await t.signInAs('demo-organizer')
  await t.open(`packages/volunteer/pages/code/index?shiftId=${shiftId}`)
  const digits = visible(page, '#wm-vo-code-digits')
  await digits.waitFor()
  const shown = ((await digits.textContent()) ?? '').trim()
  if (!/^\d{6}$/.test(shown)) throw new Error(`the code screen shows "${shown}"`)
  await visible(page, '#wm-vo-code-qr').waitFor()
  await t.shot('06-code-screen')

  // —— the resident types the code shown on the organizer's screen ——
  await t.signInAs('demo-resident')
  await t.open(`packages/volunteer/pages/checkin/index?shiftId=${shiftId}`)
  await visible(page, `#wm-vo-punch-${shiftId}`).waitFor()
  await t.shot('07-checkin-page')
  let firstRead = true
  const codeNow = async () => {
    if (firstRead) {
      firstRead = false
      return shown
    }
    return data<{ code: string }>(await t.call('volunteer', 'checkInCode', { shiftId }, 'demo-organizer'), 'checkInCode').code
  }
  await punchWithCode(t, shiftId, codeNow, '签到成功')
  await t.shot('08-checked-in')
  await punchWithCode(t, shiftId, codeNow, '签退成功')
  await t.shot('09-checked-out')

  // —— the organizer: roster, credit by hand (the run cannot wait an hour), confirm, export ——
  await t.signInAs('demo-organizer')
  await t.open(`packages/volunteer/pages/roster/index?shiftId=${shiftId}`)
  await visible(page, '#wm-vo-roster').waitFor()
  const roster = data<{ items: Array<{ signupId: string }> }>(await t.call('volunteer', 'roster', { shiftId }, 'demo-organizer'), 'roster')
  const signupId = roster.items[0].signupId
  await visible(page, `#wm-vo-roster-${signupId}`).waitFor()
  await t.shot('10-roster')
  await visible(page, `#wm-vo-adjust-${signupId}`).tap()
  await visible(page, `input#wm-vo-adjust-minutes-${signupId}`).fill('60')
  await visible(page, `input#wm-vo-adjust-reason-${signupId}`).fill('提前到岗布置路口，现场核实全程在岗')
  await t.shot('11-adjust')
  await visible(page, `#wm-vo-adjust-save-${signupId}`).tap()
  await visible(page, `#wm-vo-roster-${signupId}`).filter({ hasText: '提前到岗布置路口' }).waitFor()
  await visible(page, `#wm-vo-confirm-${signupId}`).tap()
  await visible(page, `#wm-vo-roster-${signupId}`).filter({ hasText: '时长已确认' }).waitFor()
  const [download] = await Promise.all([page.waitForEvent('download'), visible(page, '#wm-vo-export').tap()])
  if (!download.suggestedFilename().endsWith('.csv')) throw new Error(`exported ${download.suggestedFilename()}`)
  await visible(page, '#wm-vo-roster-notice').filter({ hasText: '已导出 1 条记录' }).waitFor()
  await t.shot('12-confirmed-exported')

  // —— the resident: hours and certificate ——
  await t.signInAs('demo-resident')
  await t.open('packages/volunteer/pages/mine/index')
  await visible(page, '#wm-vo-total-hours').filter({ hasText: /^1$/ }).waitFor()
  await visible(page, '#wm-vo-scope-history').tap()
  await visible(page, '#wm-vo-scope-upcoming').tap()
  await visible(page, `#wm-vo-record-minutes-${signupId}`).filter({ hasText: '已确认' }).waitFor()
  await t.shot('13-my-hours')
  await visible(page, '#wm-vo-open-certificate').tap()
  await visible(page, '#wm-vo-certificate').waitFor()
  // the new page slides in
  await page.waitForTimeout(500)
  await visible(page, '#wm-vo-certificate-hours').filter({ hasText: '1 小时' }).waitFor()
  const code = ((await visible(page, '#wm-vo-certificate-code').textContent()) ?? '').trim()
  await t.shot('14-certificate')
  // 保存为图片: the H5 downloads a PNG drawn on a canvas, 750 px wide (read from its IHDR)
  const [image] = await Promise.all([page.waitForEvent('download'), visible(page, '#wm-vo-certificate-save').tap()])
  if (!image.suggestedFilename().endsWith('.png')) throw new Error(`certificate image saved as ${image.suggestedFilename()}`)
  const imagePath = path.join(process.cwd(), 'test-results/screens/volunteer-certificate-image.png')
  await mkdir(path.dirname(imagePath), { recursive: true })
  await image.saveAs(imagePath)
  const png = await readFile(imagePath)
  if (png.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error('the certificate image is not a PNG')
  if (png.readUInt32BE(16) !== 750) throw new Error(`the certificate image is ${png.readUInt32BE(16)} px wide, not 750`)
  // in H5 there is no WeChat scanner (the mini-program draws a 小程序码): the QR holds this site's own
  // verification address, which a phone's camera opens in the browser
  const site = await page.evaluate(() => `${location.origin}${location.pathname}`)
  const verifyUrl = `${site}#/packages/volunteer/pages/certificate/index?code=${code.replace(/-/g, '')}`
  await expectVerificationQr(t, png, verifyUrl)

  // —— anyone verifies the certificate, at the address the QR holds ——
  await t.signInAs('demo-volunteer')
  await page.goto(verifyUrl, { waitUntil: 'load' })
  await visible(page, '.wm-shell').waitFor()
  await visible(page, '#wm-vo-verified').waitFor()
  await visible(page, '#wm-vo-certificate').filter({ hasText: '王*明' }).waitFor()
  await t.shot('15-verified')

  // —— the organizer's workbench and publish form ——
  await t.signInAs('demo-organizer')
  await t.open('packages/volunteer/pages/manage/index')
  await visible(page, `#wm-vo-team-activity-${published.id}`).waitFor()
  await t.shot('16-manage')
  await visible(page, `#wm-vo-edit-capacity-${shiftId}`).tap()
  await visible(page, `input#wm-vo-capacity-input-${shiftId}`).fill('8')
  await visible(page, `#wm-vo-shift-save-${shiftId}`).tap()
  await visible(page, `#wm-vo-team-activity-${published.id}`).filter({ hasText: '共 8' }).waitFor()
  await t.shot('16b-manage-capacity')
  await t.open('packages/volunteer/pages/publish/index?teamId=team-demo')
  await visible(page, '#wm-vo-publish-form').waitFor()
  await t.shot('17-publish-form')
}
