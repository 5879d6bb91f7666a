import { readFile } from "node:fs/promises";
import express, { type Request, type Response } from "express";
import libxmljs from "libxmljs";

// HR exports the org chart as XML every night.
async function orgChart(): Promise<libxmljs.Document> {
  return libxmljs.parseXml(await readFile("/srv/hr/org-chart.xml", "utf8"));
}

function describe(nodes: libxmljs.Element[]) {
  return nodes.map((n) => ({
    id: n.attr("id")?.value(),
    name: n.get("name")?.text(),
    title: n.get("title")?.text(),
  }));
}

export const directoryRouter = express.Router();

directoryRouter.get("/directory/departments/:department", async (req: Request<{ department: string }>, res: Response) => {
  const doc = await orgChart();
  const people = doc.find<libxmljs.Element>(`//employee[department='${req.params.department}']`);
  res.json(describe(people));
});

directoryRouter.get("/directory/managers/:managerId/reports", async (req: Request<{ managerId: string }>, res: Response) => {
  const managerId = Number.parseInt(req.params.managerId, 10);
  if (!(Number.isInteger(managerId) && managerId > 0)) {
    res.status(400).json({ error: "manager id must be a number" });
    return;
  }
  const doc = await orgChart();
  res.json(describe(doc.find<libxmljs.Element>(`//employee[@manager='${managerId}']`)));
});
