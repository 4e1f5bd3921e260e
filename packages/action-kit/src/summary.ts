/** Escapes a table cell: pipes and newlines would break the Markdown table. */
export function cell(value: unknown): string {
  let text: string
  if (value === null || value === undefined) text = ''
  else if (typeof value === 'string') text = value
  else if (
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    typeof value === 'bigint'
  )
    text = value.toString()
  else text = JSON.stringify(value)
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>')
}

/**
 * The job summary of one run, built as GitHub-flavoured Markdown and written once by `defineAction` (with the
 * closing outcome table appended), failed runs included.
 */
export class Summary {
  private readonly parts: string[] = []

  heading(text: string, level: 2 | 3 | 4 = 3): this {
    this.parts.push(`${'#'.repeat(level)} ${text}`)
    return this
  }

  paragraph(markdown: string): this {
    this.parts.push(markdown)
    return this
  }

  list(items: string[]): this {
    this.parts.push(items.map((i) => `- ${i}`).join('\n'))
    return this
  }

  table(headers: string[], rows: unknown[][]): this {
    const head = `| ${headers.map(cell).join(' | ')} |`
    const rule = `| ${headers.map(() => '---').join(' | ')} |`
    const body = rows.map((r) => `| ${r.map(cell).join(' | ')} |`)
    this.parts.push([head, rule, ...body].join('\n'))
    return this
  }

  code(text: string, language = ''): this {
    this.parts.push(`\`\`\`${language}\n${text}\n\`\`\``)
    return this
  }

  render(): string {
    return this.parts.join('\n\n')
  }
}
