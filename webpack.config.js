// Builds the task pane, the ribbon commands, and the preview page (with its fake office.js).
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

// Where the pages load office.js from: JIXIAO_OFFICE_JS=cdn (Microsoft's CDN, the default), self (copied from
// @microsoft/office-js into the add-in's own origin) or 21vianet (Microsoft 365 operated by 21Vianet).
const OFFICE_JS_SOURCES = {
  cdn: 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js',
  self: 'office-js/office.js',
  '21vianet': 'https://appsforoffice.cdn.partner.office365.cn/appsforoffice/lib/1/hosted/office.js',
};

function officeJsSource(value = process.env.JIXIAO_OFFICE_JS || 'cdn') {
  if (!Object.hasOwn(OFFICE_JS_SOURCES, value)) {
    throw new Error(`JIXIAO_OFFICE_JS=${value} is not one of ${Object.keys(OFFICE_JS_SOURCES).join(', ')} (where office.js is loaded from)`);
  }
  return value;
}

// office.js loads the host's file (excel-web-16.00.js …), office_strings.js of the locale and its telemetry from
// beside itself; the other hosts' files, debug builds and typings are not needed by an Excel add-in.
function selfHostedOfficeJs() {
  const from = path.join(path.dirname(require.resolve('@microsoft/office-js/package.json')), 'dist');
  const ignore = ['**/*.debug.js', '**/*vsdoc*', '**/*.d.ts', ...['word', 'powerpoint', 'outlook', 'onenote', 'project', 'access'].map((h) => `**/${h}*`)];
  return [
    { from, to: 'office-js', globOptions: { ignore } },
    { from: path.join(from, '..', 'LICENSE.md'), to: 'office-js/LICENSE.md' },
  ];
}

// The WPS 表格 add-in (`npm run build:wps`, i.e. `webpack --env wps`): the pane alone, without office.js, lowered to
// the syntax of the oldest Chromium assumed in the WPS builds still supported (see the README's WPS section), into
// dist/wps/jixiao_<version>/ beside WPS's entry files (ribbon.xml, main.js, index.html). scripts/build-wps.ts adds
// publish.xml and jsplugins.xml.
const WPS_SYNTAX = { ecmaVersion: 2018, esbuild: 'es2018', typescript: 'ES2018', webpack: 'es2018', chromium: 64 };
const WPS_FOLDER = `jixiao_${require('./package.json').version}`;

function wpsConfig(dev) {
  return {
    devtool: dev ? 'source-map' : false,
    target: ['web', WPS_SYNTAX.webpack],
    entry: { taskpane: './src/taskpane/index.tsx' },
    // chunkLoadingGlobal is named because wps/taskpane.html checks that the bundle ran.
    output: { path: path.resolve(__dirname, 'dist/wps', WPS_FOLDER), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', chunkLoadingGlobal: 'webpackChunkjixiao', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      alias: { [path.resolve(__dirname, 'src/host/xlsx/exceljs-fixes.ts')]: false },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.web.json', compilerOptions: { target: WPS_SYNTAX.typescript } } },
        },
        { test: /\.[cm]?js$/, include: /node_modules/, use: { loader: path.resolve(__dirname, 'scripts/esbuild-downlevel-loader.js'), options: { target: WPS_SYNTAX.esbuild } } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './wps/taskpane.html', chunks: ['taskpane'] }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          // Copied as written (main.js is held to ES2017 on its own, and stays readable for an administrator).
          ...['ribbon.xml', 'main.js', 'index.html'].map((f) => ({ from: `wps/${f}`, to: f, info: { minimized: true } })),
        ],
      }),
    ],
  };
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  if (env && env.wps) return wpsConfig(dev);
  const serving = !!process.env.WEBPACK_SERVE;
  const officeJs = officeJsSource();
  const templateParameters = { officeJs: OFFICE_JS_SOURCES[officeJs] };
  const config = {
    devtool: dev ? 'source-map' : false,
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      preview: './src/preview/index.ts',
      'fake-office': './src/preview/fake-office.ts',
    },
    output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', clean: true },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // Patches exceljs's Node sources; the browser gets exceljs's prebuilt bundle, which it cannot reach.
      alias: { [path.resolve(__dirname, 'src/host/xlsx/exceljs-fixes.ts')]: false },
    },
    module: {
      rules: [{ test: /\.tsx?$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: 'tsconfig.web.json' } } }],
    },
    performance: { hints: false },
    plugins: [
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'], templateParameters }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'], templateParameters }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }, { from: 'manifest.xml', to: 'manifest.xml' }, ...(officeJs === 'self' ? selfHostedOfficeJs() : [])] }),
    ],
    devServer: { port: 3000, headers: { 'Access-Control-Allow-Origin': '*' }, static: { directory: path.resolve(__dirname, 'dist/web') } },
  };
  if (serving) {
    // Only `webpack serve` touches certificates (office-addin-dev-certs installs a localhost CA on first use).
    const devCerts = require('office-addin-dev-certs');
    config.devServer.server = { type: 'https', options: await devCerts.getHttpsServerOptions() };
  }
  return config;
};
module.exports.OFFICE_JS_SOURCES = OFFICE_JS_SOURCES;
module.exports.WPS_SYNTAX = WPS_SYNTAX;
module.exports.WPS_FOLDER = WPS_FOLDER;
