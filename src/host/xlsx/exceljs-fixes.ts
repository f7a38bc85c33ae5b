import { createRequire } from 'module';

/**
 * exceljs reads every `<sz val="…"/>` with parseInt, so a form set in 五号 (10.5 pt) would come back from `fix`,
 * `--annotate` or a roll-forward half a point smaller. Font sizes are read as the decimals they are.
 */
function readHalfPointFontSizes(): void {
  const load = createRequire(__filename);
  let IntegerXform: { prototype: { parseOpen(node: XmlNode): boolean; tag: string; attr?: string; model?: number } };
  try {
    IntegerXform = load('exceljs/lib/xlsx/xform/simple/integer-xform');
  } catch {
    return; // a bundle without exceljs's sources: nothing to fix
  }
  const proto = IntegerXform.prototype;
  const parseOpen = proto.parseOpen;
  proto.parseOpen = function (this: typeof proto, node: XmlNode): boolean {
    if (this.tag === 'sz' && this.attr && node.name === 'sz') {
      const size = Number.parseFloat(node.attributes[this.attr]);
      this.model = Number.isFinite(size) ? size : undefined;
      return true;
    }
    return parseOpen.call(this, node);
  };
}

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
}

readHalfPointFontSizes();
