#!/usr/bin/env node
// Entry of `npm run trame -- <command>`. Plain JavaScript so that an old Node gets a clear message
// instead of a syntax error on TypeScript.
const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
  console.error(
    `Trame needs Node.js 24 or later; this is Node ${process.versions.node}.\n` +
      'Run it through npm (npm start, npm run trame -- …), which uses the Node 24 installed by `npm install`.',
  );
  process.exit(1);
}
const { main } = await import('./cli/commands.ts');
process.exitCode = await main(process.argv.slice(2));
