// Batch oracle over node-semver (Debian's node-semver package): pairs on stdin, one answer per line.
//   compare:   "a\tb"        -> -1 | 0 | 1
//   satisfies: "range\tver"  -> 1 | 0
const semver = require('semver');
const mode = process.argv[2];
const input = require('fs').readFileSync(0, 'utf8').split('\n').filter((l) => l.length > 0);
const out = [];
for (const line of input) {
  const tab = line.indexOf('\t');
  const a = line.slice(0, tab);
  const b = line.slice(tab + 1);
  try {
    if (mode === 'compare') {
      if (!semver.valid(a) || !semver.valid(b)) throw new Error('invalid version');
      out.push(String(semver.compare(a, b)));
    } else {
      if (semver.validRange(a) === null || !semver.valid(b)) throw new Error('invalid range or version');
      out.push(semver.satisfies(b, a) ? '1' : '0');
    }
  } catch (e) {
    out.push('error ' + e.message);
  }
}
process.stdout.write(out.join('\n') + '\n');
