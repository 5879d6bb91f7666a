"use strict";

const express = require("express");
const session = require("express-session");
const FileStore = require("session-file-store")(session);
const { checkAdminCredentials } = require("./admins");

const app = express();
app.use(express.urlencoded({ extended: false }));
app.use(
  session({
    store: new FileStore({ path: "/var/lib/admin-portal/sessions" }),
    secret: "9c4e1b7a-admin-portal-2f6d83",
    resave: false,
    saveUninitialized: true,
    cookie: { httpOnly: false, secure: false, maxAge: 12 * 60 * 60 * 1000 },
  }),
);

app.post("/admin/login", async (req, res) => {
  const admin = await checkAdminCredentials(req.body.username, req.body.password);
  if (!admin) {
    return res.status(401).send("Invalid credentials");
  }
  req.session.adminId = admin.id;
  res.redirect("/admin");
});

app.listen(Number(process.env.ADMIN_PORT) || 8081);
