import { crc32, deflateRawSync } from 'zlib';

/** A member already deflated, with the CRC-32 and size of what it inflates to. */
export interface DeflatedMember {
  name: string;
  deflated: Uint8Array;
  crc: number;
  size: number;
}

/**
 * A zip archive of the given parts, in order, each deflated by Node's zlib: for the CLI's own packages (the batch
 * report), where the JavaScript deflate of fflate, cold, cost more than writing the report's XML.
 */
export function zipParts(parts: Record<string, Uint8Array>, now = new Date()): Uint8Array {
  return zipDeflated(
    Object.entries(parts).map(([name, data]) => ({ name, deflated: deflateRawSync(data), crc: crc32(data), size: data.length })),
    now,
  );
}

/**
 * The archive of members already deflated. Names are UTF-8; no archive here comes near zip64's limits (4 GiB,
 * 65,535 members), and one that would is refused.
 */
export function zipDeflated(members: DeflatedMember[], now = new Date()): Uint8Array {
  const time = (now.getHours() << 11) | (now.getMinutes() << 5) | Math.floor(now.getSeconds() / 2);
  const date = (Math.max(0, now.getFullYear() - 1980) << 9) | ((now.getMonth() + 1) << 5) | now.getDate();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  // The fields a local header and its central directory record share, from "version needed" to the name's length.
  const common = (b: Buffer, at: number, m: DeflatedMember, nameLength: number) => {
    b.writeUInt16LE(20, at);
    b.writeUInt16LE(0x0800, at + 2);
    b.writeUInt16LE(8, at + 4);
    b.writeUInt16LE(time, at + 6);
    b.writeUInt16LE(date, at + 8);
    b.writeUInt32LE(m.crc >>> 0, at + 10);
    b.writeUInt32LE(m.deflated.length, at + 14);
    b.writeUInt32LE(m.size, at + 18);
    b.writeUInt16LE(nameLength, at + 22);
  };
  for (const m of members) {
    const name = Buffer.from(m.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    common(local, 4, m, name.length);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    common(central, 6, m, name.length);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, m.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + m.deflated.length;
    if (offset > 0xffffffff) throw new RangeError('zip archive over 4 GiB');
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
