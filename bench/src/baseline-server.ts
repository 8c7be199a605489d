// A baseline for the benchmark, run in its own process: `baseline-server.ts http|express PORT`.
import { createServer } from 'node:http';
import express from 'express';

const [kind, portText] = process.argv.slice(2);
const port = Number(portText);
const body = JSON.stringify({ status: 'ok' });

if (kind === 'http') {
  createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  }).listen(port, '127.0.0.1');
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
