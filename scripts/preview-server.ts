/**
 * `npm run preview`: serves the built pane (dist/web) beside a grid view of an example workbook, with office.js
 * replaced by the fake built on the in-memory Excel. Open the printed URL in any browser; no Excel needed.
 */
import { createServer, Server } from 'http';
import { promises as fs } from 'fs';
import path from 'path';
import { readXlsxFile } from '../src/host/xlsx/file';

const root = path.resolve(__dirname, '..');
const web = path.join(root, 'dist', 'web');
const defaultExamples = path.join(root, 'examples');
/** Microsoft's CDN, where the default build loads office.js from (tests route it to the fake). */
export const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json', '.png': 'image/png', '.xml': 'application/xml', '.map': 'application/json' };

export async function startPreviewServer(port = Number(process.env.PORT ?? 3001), examples = defaultExamples): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/') {
        res.writeHead(302, { location: '/preview.html' }).end();
        return;
      }
      if (url.pathname === '/snapshot') {
        const name = path.basename(url.searchParams.get('example') ?? '');
        if (!name.endsWith('.xlsx')) throw Object.assign(new Error('not an example'), { status: 404 });
        const snapshot = await readXlsxFile(path.join(examples, name));
        res.writeHead(200, { 'content-type': TYPES['.json'] }).end(JSON.stringify(snapshot));
        return;
      }
      const file = path.join(web, path.normalize(url.pathname).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(web)) throw Object.assign(new Error('forbidden'), { status: 403 });
      let body: Buffer | string = await fs.readFile(file);
      if (url.pathname === '/taskpane.html' || url.pathname === '/commands.html') body = withFakeOffice(body.toString('utf8'));
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch (e) {
      const status = (e as { status?: number; code?: string }).status ?? ((e as { code?: string }).code === 'ENOENT' ? 404 : 500);
      res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(`${status} ${(e as Error).message}`);
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return { url: `http://127.0.0.1:${actual}/`, server };
}

/** The page with its office.js script (whichever source it was built with) loading the fake instead. */
export function withFakeOffice(html: string): string {
  return html.replace(/<script\b[^>]*\bdata-office-js\b[^>]*>/, (tag) => tag.replace(/\bsrc=("[^"]*"|'[^']*'|[^\s>]+)/, 'src="/fake-office.js"'));
}

/** Where the port is taken: which port, and how to pick another. */
export function portMessage(port: number): string {
  return `jixiao preview: 端口 ${port} 已被占用 (port ${port} is in use). 换一个端口 pick another: PORT=${port + 1} npm run preview`;
}

/** Whether the port can be listened on, before the build spends a minute. */
export function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

if (require.main === module && process.argv.includes('--check-port')) {
  const port = Number(process.env.PORT ?? 3001);
  portFree(port).then((free) => {
    if (!free) console.error(portMessage(port));
    process.exit(free ? 0 : 1);
  });
} else if (require.main === module) {
  startPreviewServer()
    .then(({ url }) => {
      console.log(`jixiao 预览 preview: ${url}preview.html?example=seed001-dept-hunan.xlsx`);
      console.log('其他示例 other examples: seed001-formulas.xlsx, seed002-weighted.xlsx, seed004-project.xlsx (Ctrl+C 结束 to stop)');
      console.log('旧版 Excel older Excel: add &api=1.9 (the manifest’s minimum) or any ExcelApi version');
    })
    .catch((e) => {
      const code = (e as { code?: string }).code;
      console.error(code === 'EADDRINUSE' ? portMessage(Number(process.env.PORT ?? 3001)) : `jixiao preview: ${(e as Error).message}`);
      process.exit(1);
    });
}
