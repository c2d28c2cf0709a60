import { workbenchesFor } from '@/features/home/entries'

describe('首页 doors to 门前三包', () => {
  const doors = (roles: Parameters<typeof workbenchesFor>[0]) => workbenchesFor(roles).filter((e) => e.url.startsWith('/packages/frontage/'))

  test('a 街道办 gets 门前三包 at its street home, once', () => {
    const found = doors(['resident', 'street_office'])
    expect(found.map((e) => [e.title, e.url])).toEqual([['门前三包', '/packages/frontage/pages/index/index?view=street']])
  })

  test('a 门店负责人 gets 我的门店, once', () => {
    const found = doors(['resident', 'shop_owner'])
    expect(found.map((e) => [e.title, e.url])).toEqual([['我的门店', '/packages/frontage/pages/index/index?view=mine']])
  })

  test('someone who is both sees both doors; a resident or a 督查员 alone sees neither', () => {
    expect(doors(['resident', 'street_office', 'shop_owner'])).toHaveLength(2)
    expect(doors(['resident'])).toEqual([])
    expect(doors(['resident', 'inspector'])).toEqual([])
  })
})
