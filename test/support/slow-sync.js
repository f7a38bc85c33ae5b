// Preloaded (node --require) into a CLI child and its worker threads: every flush of a file being written waits,
// after leaving a marker that says a temporary file is now on disk, so a test can signal the process mid-write.
const fs = require('fs');
const { setTimeout } = require('timers');

const marker = process.env.JIXIAO_TEST_SYNC_MARKER;
const open = fs.promises.open;
fs.promises.open = async (...args) => {
  const handle = await open(...args);
  const sync = handle.sync.bind(handle);
  handle.sync = async () => {
    if (marker) fs.writeFileSync(marker, String(args[0]));
    await new Promise((r) => setTimeout(r, 60_000));
    return sync();
  };
  return handle;
};
