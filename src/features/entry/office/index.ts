// Office-only screens; imported by the office subpackage directly so none of it reaches the main package.
export { PosterForm } from './poster-form'
export { PosterList, POSTER_DETAIL } from './poster-list'
export { PosterDetail, POSTER_PRINT } from './poster-detail'
export { PrintView } from './print-view'
export { usePosterList } from './api'
