export { exportJob, startExport, stepExport } from './jobs'
