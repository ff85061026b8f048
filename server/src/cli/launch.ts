// `copydesk`: loads the CLI bundle (dist/cli-main.cjs) through V8's code cache (node/code-cache.ts).
import { join } from 'node:path';
import { runWithCodeCache } from '../node/code-cache.js';

runWithCodeCache(join(__dirname, 'cli-main.cjs'), __filename);
