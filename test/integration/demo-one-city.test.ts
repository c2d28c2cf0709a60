import { DEMO_GRIDS } from '@/cloud/domain/report/demo-city'
import { CELL_DEGREES } from '@/cloud/domain/volunteer/geo'
import { seededDemoCloud } from '../support/demo'

/**
 * The demo lives in one city (issue #10: volunteer activities were once at Hefei's coordinates
 * while grids and posters were in Hangzhou): every place the seed stores with coordinates, and
 * every shift's search cell, lies within a few kilometres of the demo city's grids.
 */
const demo = seededDemoCloud()

const ring = DEMO_GRIDS.features.flatMap((f) => f.geometry.coordinates[0])
const lngs = ring.map(([lng]) => lng)
const lats = ring.map(([, lat]) => lat)
// the grids' box, widened by one search cell (≈ 5 km) for places at the city's edge
const box = { minLat: Math.min(...lats) - CELL_DEGREES, maxLat: Math.max(...lats) + CELL_DEGREES, minLng: Math.min(...lngs) - CELL_DEGREES, maxLng: Math.max(...lngs) + CELL_DEGREES }
const inCity = (lat: number, lng: number) => lat >= box.minLat && lat <= box.maxLat && lng >= box.minLng && lng <= box.maxLng

async function all(collection: string): Promise<Array<Record<string, unknown>>> {
  const docs: Array<Record<string, unknown>> = []
  for (let skip = 0; ; skip += 100) {
    const { data } = await demo().platform.db.collection(collection).orderBy('_id', 'asc').skip(skip).limit(100).get()
    docs.push(...(data as Array<Record<string, unknown>>))
    if (data.length < 100) return docs
  }
}

test('every seeded activity, shift, poster and report lies in the demo city', async () => {
  const outside: string[] = []
  for (const a of await all('volunteer_activities')) {
    const place = a.place as { lat: number; lng: number }
    if (!inCity(place.lat, place.lng)) outside.push(`activity ${String(a._id)}`)
  }
  const shifts = await all('volunteer_shifts')
  expect(shifts.length).toBeGreaterThan(0)
  for (const s of shifts) {
    const [row, col] = String(s.cell).split(':').map(Number)
    if (!inCity(row * CELL_DEGREES + CELL_DEGREES / 2, col * CELL_DEGREES + CELL_DEGREES / 2)) outside.push(`shift ${String(s._id)} cell ${String(s.cell)}`)
  }
  for (const r of await all('reports')) {
    const at = r.location as { lat: number; lng: number }
    if (!inCity(at.lat, at.lng)) outside.push(`report ${String(r._id)}`)
  }
  expect(outside).toEqual([])
})
