"use strict";

const axios = require("axios");
const jwt = require("jsonwebtoken");
const vault = require("node-vault")({ endpoint: process.env.VAULT_ADDR, token: process.env.VAULT_TOKEN });

const JWT_SECRET = process.env.JWT_SECRET;
const GEO_API_KEY = "f1c8a3e97b2d4c6e8a0b9d7c5e3f1a2b";

const geo = axios.create({
  baseURL: "https://api.geo-lookup.example.com/v2",
  headers: { "X-Api-Key": GEO_API_KEY },
  timeout: 3000,
});

function issueAccessToken(user) {
  return jwt.sign({ sub: String(user.id), scope: user.scopes }, JWT_SECRET, { expiresIn: "15m" });
}

async function warehouseClient() {
  const { data } = await vault.read("secret/data/warehouse-api");
  return axios.create({
    baseURL: "https://warehouse.internal.example.com",
    auth: { username: data.data.username, password: data.data.password },
    timeout: 5000,
  });
}

async function locate(ip) {
  const { data } = await geo.get(`/ip/${encodeURIComponent(ip)}`);
  return { country: data.country_code, city: data.city };
}

module.exports = { issueAccessToken, warehouseClient, locate };
