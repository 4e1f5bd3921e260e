import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { describe, expect, it } from '@jest/globals'
import { parse } from 'yaml'
import {
  NOTICES_FILE,
  SHARED_DIR,
  generatedFiles
} from '../../scripts/bundle.mjs'

const ROOT = join(import.meta.dirname, '..', '..')

interface ActionYaml {
  name?: string
  description?: string
  author?: string
  inputs?: Record<
    string,
    { description?: string; required?: boolean; default?: unknown }
  >
  outputs?: Record<string, { description?: string }>
  runs?: { using?: string; main?: string; post?: string; 'post-if'?: string }
  branding?: unknown
}

const actionIds = readdirSync(join(ROOT, 'actions')).filter((d) =>
  existsSync(join(ROOT, 'actions', d, 'action.yml'))
)
const load = (path: string) =>
  parse(readFileSync(join(ROOT, path), 'utf8')) as ActionYaml

describe('every action.yml', () => {
  it('finds the actions of the suite', () => {
    expect(actionIds).toEqual(
      expect.arrayContaining(['discover-tag', 'redeploy', 'validate-health'])
    )
  })

  describe.each(actionIds)('%s', (id) => {
    const doc = load(`actions/${id}/action.yml`)

    it('has a name, a description and the suite as author', () => {
      expect(doc.name).toBeTruthy()
      expect(doc.description).toBeTruthy()
      expect(doc.author).toBe('rollback-actions')
    })

    it('runs on node24 from a bundle that exists', () => {
      expect(doc.runs?.using).toBe('node24')
      expect(doc.runs?.main).toBe('dist/index.js')
      expect(existsSync(join(ROOT, 'actions', id, 'dist', 'index.js'))).toBe(
        true
      )
      expect(
        doc.runs?.post === undefined || doc.runs['post-if'] === 'always()'
      ).toBe(true)
    })

    it('describes every input, says whether it is required, and defaults every optional one', () => {
      for (const [name, spec] of Object.entries(doc.inputs ?? {})) {
        expect([name, spec.description?.length ?? 0]).not.toEqual([name, 0])
        expect([name, typeof spec.required]).toEqual([name, 'boolean'])
        expect([name, spec.required || 'default' in spec]).toEqual([name, true])
        expect(name).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      }
    })

    it('describes every output and says when it is empty', () => {
      for (const [name, spec] of Object.entries(doc.outputs ?? {})) {
        expect([name, spec.description ?? '']).toEqual([
          name,
          expect.stringMatching(/empty|never empty|always set/i)
        ])
      }
    })

    it('has a one-line entrypoint that only calls run()', () => {
      const src = readFileSync(
        join(ROOT, 'actions', id, 'src', 'index.ts'),
        'utf8'
      )
      expect(src).toMatch(/await run\(\)/)
      expect(
        src.split('\n').filter((l) => /\S/.test(l)).length
      ).toBeLessThanOrEqual(3)
    })

    it('has no branding (only the root facade does)', () => {
      expect(doc.branding).toBeUndefined()
    })
  })
})

describe('root action.yml facade', () => {
  const facade = load('action.yml')
  const fronted = /^actions\/([^/]+)\/dist\/index\.js$/.exec(
    facade.runs?.main ?? ''
  )?.[1]

  it('points at the bundle of one action', () => {
    expect(fronted).toBeDefined()
    expect(actionIds).toContain(fronted)
  })

  it('declares exactly the inputs and outputs of that action', () => {
    const target = load(`actions/${fronted}/action.yml`)
    expect(facade.inputs).toEqual(target.inputs)
    expect(facade.outputs).toEqual(target.outputs)
    expect(facade.runs?.using).toBe('node24')
    expect(facade.branding).toBeDefined()
  })
})

describe('generated files are in sync', () => {
  /** Runs `node <script> --check` at the repository root (it exits non-zero when a generated file is stale). */
  const checkScript = (script: string) => () =>
    execFileSync(process.execPath, [script, '--check'], {
      cwd: ROOT,
      stdio: 'pipe'
    })

  it('every committed bundle equals a fresh build', () => {
    expect(checkScript('scripts/build.mjs')).not.toThrow()
  })

  it('every bundle and shared chunk is tracked by git (no forgotten new file)', () => {
    const tracked = new Set(
      execFileSync('git', ['ls-files', 'actions'], {
        cwd: ROOT,
        encoding: 'utf8'
      }).split('\n')
    )
    const untracked = generatedFiles(join(ROOT, 'actions'))
      .map((p) => relative(ROOT, p).split(sep).join('/'))
      .filter((p) => !tracked.has(p))
    expect(untracked).toEqual([])
    for (const id of actionIds)
      expect([id, tracked.has(`actions/${id}/dist/index.js`)]).toEqual([
        id,
        true
      ])
  })

  it.each(actionIds)(
    '%s: its entry turns on the compile cache, then imports the action from the shared folder',
    (id) => {
      const entry = readFileSync(
        join(ROOT, 'actions', id, 'dist', 'index.js'),
        'utf8'
      )
      expect(entry).toMatch(
        new RegExp(
          `enableCompileCache\\([^]*await import\\("\\.\\./\\.\\./${SHARED_DIR}/${id}-index-\\w+\\.js"\\)`
        )
      )
    }
  )

  it('ships the licence notices of the bundled packages beside the bundles', () => {
    const notices = readFileSync(
      join(ROOT, 'actions', SHARED_DIR, NOTICES_FILE),
      'utf8'
    )
    // packages every action bundles; that the file is current is the fresh-build check above
    expect(notices).toMatch(/^zod@\S+\nMIT\n/m)
    expect(notices).toMatch(/^@actions\/core@\S+\nMIT\n/m)
  })

  it('marks the generated files -diff linguist-generated', () => {
    const attributes = readFileSync(join(ROOT, '.gitattributes'), 'utf8')
    expect(attributes).toContain(`actions/*/dist/** -diff linguist-generated`)
    expect(attributes).toContain(
      `actions/${SHARED_DIR}/** -diff linguist-generated`
    )
  })

  it('README tables match action.yml', () => {
    expect(checkScript('scripts/gen-readme.mjs')).not.toThrow()
  })

  it('.github/workflows mirrors workflows-templates', () => {
    expect(checkScript('scripts/sync-workflows.mjs')).not.toThrow()
  })
})
