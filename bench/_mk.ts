import { sources, writeMix } from './mix';
import { mkdirSync } from 'fs';
(async () => { const d = process.argv[2]; mkdirSync(d, { recursive: true }); writeMix(await sources(), d, Number(process.argv[3])); })();
