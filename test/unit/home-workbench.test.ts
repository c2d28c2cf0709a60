import { workbenchesFor } from '@/features/home/entries'

describe('首页 workbench doors', () => {
  const inspectFor = (roles: Parameters<typeof workbenchesFor>[0]) => workbenchesFor(roles).filter((e) => e.key === 'inspect')

  it('opens 创文督查 to a 联络员, a 督查员 and the office, labelled with the role each holds', () => {
    expect(inspectFor(['resident', 'liaison']).map((e) => e.role)).toEqual(['liaison'])
    expect(inspectFor(['resident', 'inspector']).map((e) => e.role)).toEqual(['inspector'])
    expect(inspectFor(['resident', 'admin']).map((e) => e.role)).toEqual(['admin'])
  })

  it('shows the door once to someone holding several of its roles', () => {
    expect(inspectFor(['liaison', 'inspector', 'admin'])).toHaveLength(1)
  })

  it('keeps it from residents and other staff', () => {
    expect(inspectFor(['resident'])).toEqual([])
    expect(inspectFor(['resident', 'teacher', 'grid'])).toEqual([])
  })

  it('still gives every single-role workbench to its role only', () => {
    expect(workbenchesFor(['resident', 'teacher']).map((e) => e.key)).toEqual(['teacher'])
    expect(workbenchesFor(['resident', 'admin']).map((e) => e.key)).toEqual(['inspect', 'office'])
  })
})
