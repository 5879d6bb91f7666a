"use strict";

// Copy to config.js and fill in the values for your environment.
module.exports = {
  port: 3000,
  database: {
    host: "localhost",
    port: 5432,
    user: "shopfront",
    password: "",
    name: "shopfront_dev",
  },
  stripe: {
    publishableKey: "pk_test_your_publishable_key",
    secretKey: "<your-stripe-secret-key>",
  },
  session: {
    secret: "change-me",
  },
  mail: {
    from: "Shopfront <no-reply@localhost>",
  },
};
