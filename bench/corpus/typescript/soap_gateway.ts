import express, { type Request, type Response } from "express";
import libxmljs from "libxmljs2";
import { XMLParser } from "fast-xml-parser";

export const soapRouter = express.Router();
soapRouter.use(express.text({ type: ["text/xml", "application/soap+xml"], limit: "1mb" }));

const NS = { soap: "http://schemas.xmlsoap.org/soap/envelope/", ord: "urn:example:orders" };

// Legacy ERP clients post SOAP envelopes that reference the shared order DTD.
soapRouter.post("/soap/orders", (req: Request<{}, string, string>, res: Response) => {
  const envelope = libxmljs.parseXml(req.body, { dtdload: true, dtdvalid: true, noent: true });
  const orderId = envelope.get<libxmljs.Element>("//ord:OrderId", NS)?.text() ?? "";
  res.type("text/xml").send(`<ack><orderId>${orderId.replace(/[^A-Za-z0-9-]/g, "")}</orderId></ack>`);
});

soapRouter.post("/soap/ping", (req: Request<{}, string, string>, res: Response) => {
  const envelope = libxmljs.parseXml(req.body, { nonet: true });
  const echo = envelope.get<libxmljs.Element>("//ord:Echo", NS)?.text() ?? "";
  res.type("text/xml").send(`<pong>${echo.length}</pong>`);
});

const orderXmlParser = new XMLParser({ ignoreAttributes: false, processEntities: false });

soapRouter.post("/rest/orders/xml", (req: Request<{}, unknown, string>, res: Response) => {
  const parsed = orderXmlParser.parse(req.body);
  res.json({ orderId: parsed?.order?.id ?? null });
});
