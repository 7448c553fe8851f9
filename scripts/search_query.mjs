// Runs queries through the built site's own search worker (Material's, with lunr), as the search
// box does, and prints each query's results: the page URLs in ranking order.
//   node scripts/search_query.mjs SITE_DIR < queries.json   (a JSON array of strings)
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";

const site = process.argv[2];
const workers = join(site, "assets", "javascripts", "workers");
const script = readdirSync(workers).find((name) => /^search\..*\.js$/.test(name) && !name.endsWith(".map"));
const index = JSON.parse(readFileSync(join(site, "search", "search_index.json"), "utf-8"));
const queries = JSON.parse(readFileSync(0, "utf-8"));

let listener = null;
let answer = null;
const context = {
  console, setTimeout, clearTimeout,
  addEventListener: (type, handler) => { if (type === "message") listener = handler; },
  postMessage: (message) => { answer = message; },
  // The worker loads lunr's language support (../lunr/min/lunr.fr.min.js…) this way.
  importScripts: (...urls) => {
    for (const url of urls) vm.runInContext(readFileSync(join(workers, url), "utf-8"), context);
  },
};
context.self = context;
vm.createContext(context);
vm.runInContext(readFileSync(join(workers, script), "utf-8"), context);

async function send(message) {
  answer = null;
  await listener({ data: message });
  for (let i = 0; answer === null && i < 1000; i++) await new Promise((resolve) => setTimeout(resolve, 1));
  return answer;
}

// As the search box sets it up: search.suggest is on in mkdocs.yml.
await send({ type: 0, data: { ...index, options: { suggest: true } } });
const results = [];
for (const query of queries) {
  const reply = await send({ type: 2, data: query });
  const pages = reply.data.items.map((group) => group[0].location.split("#")[0]);
  results.push([...new Set(pages)]);
}
process.stdout.write(JSON.stringify(results));
