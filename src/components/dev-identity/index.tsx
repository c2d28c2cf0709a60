/**
 * The mini-program build gets this empty stand-in: its identity always comes from WeChat, and the
 * switch (index.h5.tsx, picked by Taro's per-platform file resolution) must not ship in it.
 */
export function DevIdentitySwitch() {
  return null
}
