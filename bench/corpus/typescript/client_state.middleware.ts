import { Injectable, type NestMiddleware } from "@nestjs/common";
import type { NextFunction, Request, Response } from "express";
import serialize from "node-serialize";
import { unsign } from "cookie-signature";

export interface ClientState {
  lastProject?: string;
  sidebarCollapsed?: boolean;
}

declare module "express-serve-static-core" {
  interface Request {
    clientState?: ClientState;
  }
}

// The desktop app sends its UI state on every request so the web views can match it.
@Injectable()
export class ClientStateMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const header = req.header("x-client-state");
    if (header) {
      req.clientState = serialize.unserialize(Buffer.from(header, "base64").toString("utf8")) as ClientState;
    }
    next();
  }
}

@Injectable()
export class SignedClientStateMiddleware implements NestMiddleware {
  use(req: Request, _res: Response, next: NextFunction): void {
    const signed = req.header("x-client-state-v2");
    const payload = signed ? unsign(signed, process.env.STATE_SIGNING_KEY ?? "") : false;
    if (payload) {
      req.clientState = serialize.unserialize(Buffer.from(payload, "base64url").toString("utf8")) as ClientState;
    }
    next();
  }
}
