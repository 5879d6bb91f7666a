import express, { type Request, type Response } from "express";
import multer from "multer";
import yaml from "js-yaml";

interface WorkflowStep {
  name: string;
  run: string;
}

interface Workflow {
  name: string;
  steps: WorkflowStep[];
}

const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: 512 * 1024 } });
export const workflowRouter = express.Router();

function summarize(workflow: Workflow) {
  return { name: String(workflow.name), steps: (workflow.steps ?? []).map((s) => String(s.name)) };
}

workflowRouter.post("/workflows/import", upload.single("workflow"), (req: Request, res: Response) => {
  const text = req.file!.buffer.toString("utf8");
  const workflow = yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA }) as Workflow;
  res.status(201).json(summarize(workflow));
});

workflowRouter.post("/workflows/lint", upload.single("workflow"), (req: Request, res: Response) => {
  const text = req.file!.buffer.toString("utf8");
  const workflow = yaml.load(text, { schema: yaml.JSON_SCHEMA }) as Workflow;
  res.json(summarize(workflow));
});
