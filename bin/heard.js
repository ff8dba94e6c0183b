#!/usr/bin/env node
'use strict';
// The `heard` command: runs the compiled CLI. `npm install` builds it (the prepare script).
const fs = require('node:fs');
const path = require('node:path');

const entry = path.join(__dirname, '..', 'dist', 'src', 'cli.js');
if (!fs.existsSync(entry)) {
  process.stderr.write(`heard: Heard is not built yet. Run "npm run build" in ${path.dirname(__dirname)} first.\n`);
  process.exit(2);
}
require(entry)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  });
