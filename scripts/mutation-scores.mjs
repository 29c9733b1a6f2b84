// Prints the mutation score of each engine folder from Stryker's JSON report
// (reports/mutation/mutation.json unless paths are given; several reports,
// e.g. one per folder, are added up). Score as Stryker
// counts it: detected (killed + timeout) over valid mutants (detected +
// survived + no coverage); ignored, compile and runtime errors are left out.
import { readFileSync } from 'node:fs';

const paths = process.argv.length > 2 ? process.argv.slice(2) : ['reports/mutation/mutation.json'];
const file = paths.join(', ');
const reports = paths.map((p) => JSON.parse(readFileSync(p, 'utf8')));
const FOLDERS = ['cluster', 'balancer', 'messaging', 'kernel', 'net', 'parallel', 'ssi', 'suncluster', 'clientserver'];
const KEYS = ['Killed', 'Survived', 'Timeout', 'NoCoverage', 'Ignored', 'Errors'];

const groupOf = (path) => {
  const norm = path.replace(/\\/g, '/');
  // a lab's engine (src/labs/<lab>/engine) is reported under the lab's name
  const lab = norm.match(/src\/labs\/([^/]+)\/engine\//);
  if (lab) return FOLDERS.includes(lab[1]) ? `${lab[1]}/` : `${lab[1]}/ (other)`;
  const m = norm.match(/src\/engine\/(.*)$/);
  if (!m) return 'other';
  const parts = m[1].split('/');
  if (parts.length === 1) return '(top level)';
  return FOLDERS.includes(parts[0]) ? `${parts[0]}/` : `${parts[0]}/ (other)`;
};

const rows = new Map();
const add = (group, status) => {
  const r = rows.get(group) ?? Object.fromEntries(KEYS.map((k) => [k, 0]));
  const key = status === 'CompileError' || status === 'RuntimeError' ? 'Errors' : status;
  r[key] = (r[key] ?? 0) + 1;
  rows.set(group, r);
};
for (const report of reports) for (const [path, f] of Object.entries(report.files)) for (const m of f.mutants) add(groupOf(path), m.status);

const score = (r) => {
  const detected = r.Killed + r.Timeout;
  const valid = detected + r.Survived + r.NoCoverage;
  return valid === 0 ? '-' : `${((100 * detected) / valid).toFixed(1)} %`;
};
const order = [...FOLDERS.map((f) => `${f}/`), '(top level)'];
const groups = [...rows.keys()].sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99) || a.localeCompare(b));
const total = Object.fromEntries(KEYS.map((k) => [k, 0]));
const table = [['folder', 'score', ...KEYS.map((k) => k.toLowerCase())]];
for (const g of groups) {
  const r = rows.get(g);
  for (const k of KEYS) total[k] += r[k] ?? 0;
  table.push([g, score(r), ...KEYS.map((k) => String(r[k] ?? 0))]);
}
table.push(['all', score(total), ...KEYS.map((k) => String(total[k]))]);
const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
console.log(`Mutation score per engine folder (${file})`);
for (const row of table) console.log(row.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  '));
