import { getClient } from './lib/db.js';
import Repo from './lib/repo';
const helpers = require('./lib');

export const handler = async (event) => {
  const c = getClient();
  const r = new Repo();
  await r.save(event);
  helpers.notify();
  return c;
};
