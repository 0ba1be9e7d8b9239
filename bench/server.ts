// Starts the platform exactly as `trame start` does (startPlatform with the environment's config), but
// without the first-start build of the web app and without loading the CLI's demo commands: for
// `npm run bench -- --server direct`, when the web app cannot be built on this machine.
import { readConfig } from '#src/core/config.ts';
import { startPlatform } from '#src/platform.ts';

const platform = await startPlatform(readConfig(), (line) => console.log(line));
console.log(`Trame (bench launcher) is running at ${platform.url} (database: ${platform.database.kind})`);
const shutdown = async () => {
  await platform.stop();
  process.exit(0);
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
