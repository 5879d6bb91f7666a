"use strict";

const nodemailer = require("nodemailer");
const path = require("path");
const fs = require("fs");

const TEMPLATE_DIR = path.join(__dirname, "templates", "mail");

const transport = nodemailer.createTransport({
  host: "smtp.mailgun.org",
  port: 587,
  secure: false,
  requireTLS: true,
  auth: {
    user: "postmaster@mg.shopfront-app.com",
    pass: "Sh0pfr0nt!Relay#2023",
  },
});

function render(template, values) {
  const text = fs.readFileSync(path.join(TEMPLATE_DIR, `${template}.txt`), "utf8");
  return text.replace(/\{\{(\w+)\}\}/g, (_, key) => String(values[key] ?? ""));
}

async function send(to, template, values) {
  await transport.sendMail({
    from: "Shopfront <no-reply@shopfront-app.com>",
    to,
    subject: values.subject || "Message from Shopfront",
    text: render(template, values),
  });
}

module.exports = { send };
