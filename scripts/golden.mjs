// Golden images of the sample pack (tests/golden): `npm run golden:update`
// renders the chosen pages and writes them to tests/golden/ref/ as the new
// references, to be looked at and committed deliberately (git diff shows which
// changed). Run it once after a change to the look that is meant.
import { register } from 'node:module';
register('../src/build/dev-loader.mjs', import.meta.url);

const { updateGolden, REF_DIR } = await import('../tests/golden/golden.ts');
if (!process.argv.includes('--update')) {
  console.error('usage: node scripts/golden.mjs --update   (or: npm run golden:update)');
  process.exit(2);
}
for (const p of await updateGolden()) console.log(`${REF_DIR}/${p.name}.png  (${p.edition} edition, page ${p.page}, ${p.png.length} bytes)`);
console.log('look at them, then commit: git add tests/golden/ref');
