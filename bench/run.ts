// `npm run bench`: every benchmark, one JSON object each. Not tests: nothing here fails a build.
//   npm run bench -- [chunks] [seed]
import { benchIndexBuild } from './index-build';

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? 10_000);
  const seed = Number(process.argv[3] ?? 1);
  console.log(JSON.stringify({ bench: 'index-build', ...(await benchIndexBuild(count, seed)) }, null, 2));
}

void main();
