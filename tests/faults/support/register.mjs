// `node --import ./tests/faults/support/register.mjs …`: TypeScript sources run as they are.
import { register } from 'node:module';

// the same TypeScript hooks the build's dev worker uses
register('../../../src/build/dev-loader.mjs', import.meta.url);
