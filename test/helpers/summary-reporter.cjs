// Ends a jest run with one plain line, "<n> passed, <n> failed[, <n> skipped]", that CI systems read without knowing
// jest's own summary format.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests
    process.stdout.write(
      `\njest: ${results.numPassedTests} passed, ${results.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}\n`
    )
  }
}
module.exports = SummaryReporter
