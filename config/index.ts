import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'

/** The argument Taro passes to a `designWidth` function: the file whose px are being converted. */
interface DesignWidthInput {
  file?: string
}

type RouterMode = 'hash' | 'browser'

export default defineConfig<'webpack5'>(async () => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wenming-tong',
    date: '2025-11-25',
    // NutUI React Taro is drawn at 375px; our own styles at 750px. A single number would shrink
    // one of the two by half.
    designWidth(input?: DesignWidthInput | number | string) {
      const file = typeof input === 'object' && input.file ? input.file.replace(/\\+/g, '/') : ''
      return file.includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // WM_WEAPP_DIST / WM_H5_DIST: a second build folder, so two builds at once do not overwrite each other
    outputRoot: isH5 ? (process.env.WM_H5_DIST ?? 'dist-h5') : (process.env.WM_WEAPP_DIST ?? 'dist'),
    // NutUI icons render <i>; without plugin-html they silently vanish on weapp
    // ("Template tmpl_0_i not found").
    plugins: ['@tarojs/plugin-html'],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    logger: { quiet: false, stats: true },
    mini: {
      // NutUI per-component CSS is imported from several pages; its order does not matter but
      // mini-css-extract warns about it on every build.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      // hash routing works from any static server and from the local host, deep links included
      router: { mode: (process.env.H5_ROUTER_MODE as RouterMode | undefined) ?? 'hash' },
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[chunkhash:8].js' },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }
  return baseConfig
})
