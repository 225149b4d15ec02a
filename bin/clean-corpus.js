#!/usr/bin/env node
// Entry point: everything lives in dist/cli.js (built by `npm install` through the prepare script).
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
