// Builds the task pane, the ribbon commands, and the preview page (with its fake office.js).
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');

module.exports = async (env, argv) => {
  const dev = argv.mode !== 'production';
  const serving = !!process.env.WEBPACK_SERVE;
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
      new HtmlWebpackPlugin({ filename: 'taskpane.html', template: './src/taskpane/taskpane.html', chunks: ['taskpane'] }),
      new HtmlWebpackPlugin({ filename: 'commands.html', template: './src/commands/commands.html', chunks: ['commands'] }),
      new HtmlWebpackPlugin({ filename: 'preview.html', template: './src/preview/preview.html', chunks: ['preview'] }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets', to: 'assets' }, { from: 'manifest.xml', to: 'manifest.xml' }] }),
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
