// Makes sure a Chromium is there for the browser tests: the system's own
// (Debian's package), never a downloaded build. Installs it with apt when it
// can (Debian, as root); otherwise says in one line how to get one.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { executablePath as chromiumPath } from './chromium.mjs';

function main() {
  if (existsSync(chromiumPath)) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (hasApt && isRoot && !process.env.CHROMIUM_PATH) {
    console.log('Chromium not found: installing Debian\'s chromium and fonts-liberation with apt-get…');
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation', { stdio: 'inherit' });
    if (existsSync(chromiumPath)) return;
  }
  console.error(
    `No Chromium at ${chromiumPath}: install it (Debian/Ubuntu: "sudo apt-get install chromium fonts-liberation") or set CHROMIUM_PATH to a Chromium or Chrome binary.`,
  );
  process.exit(1);
}

main();
