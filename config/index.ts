import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import webpack from 'webpack'
import { nutuiTrimPlugin, nutuiUsage, NutuiTrimWebpackPlugin } from './nutui-trim'

/** The argument Taro passes to a `designWidth` function: the file whose px are being converted. */
interface DesignWidthInput {
  file?: string
}

type RouterMode = 'hash' | 'browser'

export default defineConfig<'webpack5'>(async () => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const nutuiTrim = nutuiTrimPlugin(nutuiUsage(path.resolve(__dirname, '..', 'src')))
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
    // Depth of the weapp's generic templates (Taro's default is 16). Every level is ~2.7 KB of
    // base.wxml in the main package. Our pages render 7–11 levels deep (test-results/mp/
    // setdata-bytes.json, "depth"); what lies deeper still renders, through Taro's recursive
    // `comp` component (one custom component per deeper subtree).
    baseLevel: 10,
    // WM_WEAPP_DIST / WM_H5_DIST: a second build folder, so two builds at once do not overwrite each other
    outputRoot: isH5 ? (process.env.WM_H5_DIST ?? 'dist-h5') : (process.env.WM_WEAPP_DIST ?? 'dist'),
    // NutUI icons render <i>; without plugin-html they silently vanish on weapp
    // ("Template tmpl_0_i not found").
    // In the browser <i> is a real element already: the plugin's runtime (~14 KB) is weapp-only.
    plugins: isH5 ? [] : ['@tarojs/plugin-html'],
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Taro's default terser output escapes every Chinese character as \uXXXX (6 bytes where UTF-8
    // takes 3). Both runtimes read UTF-8 sources (the H5 host and index.html say charset=utf-8), so
    // plain text takes ~9 KB off the weapp main package a poster scan waits for.
    terser: { enable: true, config: { output: { ascii_only: false } } },
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
        chain.plugin('wm-nutui-trim').use(NutuiTrimWebpackPlugin, [nutuiTrim])
      },
    },
    h5: {
      // Taro's React implementations of its components instead of the Stencil web components and
      // their React wrappers: ~270 KB less JavaScript before the first page can paint.
      useHtmlComponents: true,
      // images become files, never base64 inside the JavaScript every page waits for (the tab
      // bar's eight icons alone were ~20 KB of the first load); Taro reads `true` as "inline none"
      imageUrlLoaderOption: { limit: true },
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
        chain.plugin('wm-nutui-trim').use(NutuiTrimWebpackPlugin, [nutuiTrim])
        // Taro splits only the initial chunk, so every lazily loaded page carried its own copy of
        // the framework and NutUI (~380 KB each). Split every chunk: the framework in one file the
        // home page loads once, what several pages share in common chunks, each page only its own.
        // Taro's H5 tab bar is a Stencil web component that brings the Stencil runtime into every
        // first load; src/lib/h5/tab-bar.ts is the same bar in plain DOM (see there).
        chain
          .plugin('wm-h5-tab-bar')
          .use(webpack.NormalModuleReplacementPlugin, [
            /[\\/]@tarojs[\\/]router[\\/]dist[\\/]tabbar\.js$/,
            path.resolve(__dirname, '..', 'src', 'lib', 'h5', 'tab-bar.ts'),
          ])
        chain.optimization.splitChunks({
          chunks: 'all',
          minSize: 8 * 1024,
          hidePathInfo: true,
          cacheGroups: {
            framework: {
              name: 'framework',
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|@tarojs)[\\/]/,
              // only what the first page needs: an API one subpackage uses (previewImage pulls in
              // swiper, 160 KB) stays with that subpackage
              chunks: 'initial',
              priority: 100,
              enforce: true,
            },
            vendors: { test: /[\\/]node_modules[\\/]/, chunks: 'all', minChunks: 2, priority: 10, reuseExistingChunk: true },
            common: { chunks: 'all', minChunks: 2, priority: 5, reuseExistingChunk: true },
            default: false,
            defaultVendors: false,
          },
        })
      },
    },
  }
  return baseConfig
})
