"use strict";

const axios = require("axios");

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30000;

function backoffDelay(attempt) {
  const exponential = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
  // Full jitter keeps retries from many workers from lining up.
  return Math.floor(Math.random() * exponential);
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function shuffle(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

async function deliver(job, endpoints) {
  for (let attempt = 0; attempt < job.maxAttempts; attempt += 1) {
    for (const endpoint of shuffle(endpoints)) {
      try {
        await axios.post(endpoint, job.payload, { timeout: 10000 });
        return endpoint;
      } catch (err) {
        if (err.response && err.response.status < 500) {
          throw err;
        }
      }
    }
    await sleep(backoffDelay(attempt));
  }
  throw new Error(`job ${job.id} failed after ${job.maxAttempts} attempts`);
}

module.exports = { deliver, backoffDelay, shuffle };
