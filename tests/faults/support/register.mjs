// `node --import ./tests/faults/support/register.mjs …`: TypeScript sources run as they are.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
