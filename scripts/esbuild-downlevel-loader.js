// A webpack loader that lowers a JavaScript module's syntax to an older ECMAScript level with esbuild (already a
// devDependency), for the WPS build: packages in node_modules ship ES2020+ syntax (?. ?? class fields) that the
// Chromium embedded in older WPS builds cannot parse. Imports and exports are kept for webpack.
const esbuild = require('esbuild');

module.exports = function downlevel(source) {
  const done = this.async();
  const { target } = this.getOptions();
  esbuild
    .transform(source, { loader: 'js', target, sourcefile: this.resourcePath, legalComments: 'inline', charset: 'utf8' })
    .then((r) => done(null, r.code), done);
};
