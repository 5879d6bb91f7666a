"use strict";

const Joi = require("joi");

const signupSchema = Joi.object({
  email: Joi.string().email().max(254).required(),
  password: Joi.string().min(12).max(128).required(),
  displayName: Joi.string().trim().min(1).max(80).required(),
  company: Joi.string().trim().max(120).allow(""),
  acceptTerms: Joi.boolean().valid(true).required(),
  marketingOptIn: Joi.boolean().default(false),
});

function validateBody(schema) {
  return (req, res, next) => {
    const { value, error } = schema.validate(req.body, { abortEarly: false, stripUnknown: true });
    if (error) {
      return res.status(422).json({
        error: "validation failed",
        fields: error.details.map((d) => ({ field: d.path.join("."), message: d.message })),
      });
    }
    req.body = value;
    next();
  };
}

module.exports = { signupSchema, validateBody };
