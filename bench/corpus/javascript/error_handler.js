"use strict";

class HttpError extends Error {
  constructor(status, message, details) {
    super(message);
    this.status = status;
    this.details = details;
  }
}

function notFound(req, res, next) {
  next(new HttpError(404, `No route for ${req.method} ${req.path}`));
}

// Express recognises error middleware by its four parameters.
// eslint-disable-next-line no-unused-vars
function errorHandler(err, req, res, next) {
  const status = err instanceof HttpError ? err.status : 500;
  if (status >= 500) {
    req.log?.error({ err, requestId: req.id }, "unhandled error");
  }
  res.status(status).json({
    error: status >= 500 ? "Internal server error" : err.message,
    details: status < 500 ? err.details : undefined,
    requestId: req.id,
  });
}

module.exports = { HttpError, notFound, errorHandler };
