/** What the miniprogram-ci child process hands back to the check (as JSON in a file). */

/** One connection, DNS query or datagram a process under the net guard attempted. */
export interface NetAttempt {
  kind: 'tcp' | 'dns' | 'udp'
  host: string
  port?: number
  loopback: boolean
  pid: number
  /** the first stack frame outside node: which code tried */
  origin: string
}

/** A check of DevTools' code quality panel (`ci.checkCodeQuality`). */
export interface QualityItem {
  name: string
  success: boolean
  text: string
}

/** A file the dependency analysis (`ci.analyseCode`'s Analyzer) could not resolve or build. */
export interface AnalyseFailure {
  file: string
  message: string
}

export interface CiReport {
  /** `ci.getCompiledResult`: the files it compiled, or WeChat's error code and message */
  compile: { ok: true; files: number } | { ok: false; code: string; message: string }
  quality: QualityItem[]
  analyse: AnalyseFailure[]
  /** seconds each call took */
  seconds: { compile: number; quality: number; analyse: number }
}
