// Peer for the tokenize + count benchmark: Node.js, /[\p{L}\p{N}_]+/gu + Map.
// usage: node count.mjs CORPUS.json   -> one JSON line: {"tool", "mb", "seconds"}
import fs from 'node:fs';

const texts = JSON.parse(fs.readFileSync(process.argv[2], 'utf8')).articles.map((a) => a.text);
const mb = texts.reduce((s, t) => s + Buffer.byteLength(t), 0) / 1e6;
const t0 = process.hrtime.bigint();
const counts = new Map();
const re = /[\p{L}\p{N}_]+/gu;
for (const t of texts) {
  for (const m of t.toLowerCase().matchAll(re)) counts.set(m[0], (counts.get(m[0]) || 0) + 1);
}
const secs = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ tool: 'node regex+Map', mb, seconds: secs, distinct: counts.size }));
