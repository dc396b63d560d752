// `hiwar` from the TypeScript sources, for tests that need a real process
// (signals): node --import ./register.mjs hiwar-from-source.mjs build …
const { main } = await import('../../../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
