// A baseline for the benchmark, run in its own process:
//   `baseline-server.ts http|express PORT`: `{"status":"ok"}`, from bare node http or bare Express;
//   `baseline-server.ts bytes PORT FILE CONTENT_TYPE`: bare Express sending FILE's bytes (a captured
//   page of the vehicle list) as they are, with the same content type: the floor for that page.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import express from 'express';

const [kind, portText, file, contentType] = process.argv.slice(2);
const port = Number(portText);
const body = JSON.stringify({ status: 'ok' });

if (kind === 'http') {
  createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  }).listen(port, '127.0.0.1');
} else if (kind === 'bytes') {
  const page = readFileSync(file as string);
  const app = express();
  // The services send no ETag (the kit turns Express's off); hashing the page here would slow the floor.
  app.set('etag', false);
  app.get('/', (_req, res) => {
    res.type(contentType as string).send(page);
  });
  app.listen(port, '127.0.0.1');
} else {
  const app = express();
  app.get('/', (_req, res) => {
    res.type('application/json').send(body);
  });
  // The floor for a JSON POST: parse the body, answer 201, store nothing.
  app.post('/', express.json(), (req, res) => {
    res.status(201).json({ received: Object.keys(req.body ?? {}).length });
  });
  app.listen(port, '127.0.0.1');
}
