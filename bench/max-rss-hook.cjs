// Preloaded with `node --require` when /usr/bin/time is missing: prints the process's peak
// resident set size when it exits, for the peak-RSS row of bench/validate.bench.ts.
process.on('exit', () => {
  process.stderr.write(`okra-bench max-rss-kb=${process.resourceUsage().maxRSS}\n`);
});
