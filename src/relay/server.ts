/** The Node relay's command: `node build/relay/server.js` (see node.ts for its environment). */
import { main } from "./node";

main().catch((e) => {
  console.error(`legwork relay: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
