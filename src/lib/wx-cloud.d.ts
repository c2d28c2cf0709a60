// A module file (note the import) so that this augments Taro's typings instead of replacing them.
import '@tarojs/taro'

declare module '@tarojs/taro' {
  // wx.cloud.DYNAMIC_CURRENT_ENV: "the environment this mini-program version was uploaded to".
  // Present at run time on weapp (a symbol the SDK accepts wherever an env id goes), missing from
  // Taro 4.2.1's typings; typed as what `init({ env })` takes.
  interface cloud {
    readonly DYNAMIC_CURRENT_ENV: string
  }
}
