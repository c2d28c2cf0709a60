// The wechat project's limit (setupFilesAfterEnv): miniprogram-ci runs a few seconds per build
// copy, much longer on a loaded CI machine. A limit for a stuck run, not a speed check.
jest.setTimeout(180_000)
