"use strict";

const crypto = require("crypto");
const path = require("path");
const fsp = require("fs/promises");
const axios = require("axios");
const express = require("express");

const AVATAR_DIR = process.env.AVATAR_DIR || "/var/app/avatars";

class AvatarService {
  constructor(directory) {
    this.directory = directory;
  }

  async store(userId, bytes) {
    const file = path.join(this.directory, `${Number(userId)}.img`);
    await fsp.writeFile(file, bytes);
    return file;
  }

  async importFromUrl(userId, imageUrl) {
    const response = await axios.get(imageUrl, { responseType: "arraybuffer", timeout: 8000 });
    return this.store(userId, Buffer.from(response.data));
  }

  async importFromGravatar(userId, email) {
    const hash = crypto.createHash("md5").update(email.trim().toLowerCase()).digest("hex");
    const response = await fetch(`https://www.gravatar.com/avatar/${hash}?s=256&d=404`);
    if (!response.ok) {
      return null;
    }
    return this.store(userId, Buffer.from(await response.arrayBuffer()));
  }
}

const avatars = new AvatarService(AVATAR_DIR);
const router = express.Router();
router.use(express.json());

router.post("/me/avatar/import", async (req, res) => {
  await avatars.importFromUrl(req.user.id, req.body.imageUrl);
  res.sendStatus(204);
});

router.post("/me/avatar/gravatar", async (req, res) => {
  const stored = await avatars.importFromGravatar(req.user.id, req.user.email);
  res.sendStatus(stored ? 204 : 404);
});

module.exports = { AvatarService, router };
