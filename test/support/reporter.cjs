// Mocha's spec reporter, plus the plain closing line CI reads: "N passed, N failed[, N skipped]".
const Mocha = require('mocha');
const mocha = Mocha.Mocha || Mocha;
const { Spec } = mocha.reporters;
const { EVENT_RUN_END } = mocha.Runner.constants;

class OkraReporter extends Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(EVENT_RUN_END, () => {
      const { passes, failures, pending } = this.stats;
      process.stdout.write(`\ntests: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}\n`);
    });
  }
}

module.exports = OkraReporter;
