import express, { type Request, type Response } from "express";
import serialize from "serialize-javascript";
import { renderApp } from "./render";

interface InitialState {
  query: string;
  page: number;
  locale: string;
}

function initialState(req: Request): InitialState {
  return {
    query: String(req.query.q ?? ""),
    page: Number.parseInt(String(req.query.page ?? "1"), 10) || 1,
    locale: req.acceptsLanguages("en", "de", "fr") || "en",
  };
}

function page(markup: string, stateScript: string): string {
  return `<!doctype html>
<html>
  <head><meta charset="utf-8"><link rel="stylesheet" href="/static/app.css"></head>
  <body>
    <div id="root">${markup}</div>
    <script>${stateScript}</script>
    <script src="/static/app.js"></script>
  </body>
</html>`;
}

export const ssrRouter = express.Router();

ssrRouter.get("/search", (req: Request, res: Response) => {
  const state = initialState(req);
  res.send(page(renderApp(state), `window.__INITIAL_STATE__ = ${JSON.stringify(state)};`));
});

ssrRouter.get("/browse", (req: Request, res: Response) => {
  const state = initialState(req);
  res.send(page(renderApp(state), `window.__INITIAL_STATE__ = ${serialize(state, { isJSON: true })};`));
});
