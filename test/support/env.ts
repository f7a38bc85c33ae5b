import { mkdtempSync } from 'fs';
import os from 'os';
import path from 'path';

// The record of the reports the CLI wrote goes to a scratch folder, never the user's own state folder.
process.env.JIXIAO_STATE_DIR ??= mkdtempSync(path.join(os.tmpdir(), 'jixiao-state-'));
