import { Body, Controller, Injectable, Param, Post } from "@nestjs/common";
import { InjectRepository } from "@nestjs/typeorm";
import type { Repository } from "typeorm";
import { Invitation } from "./invitation.entity";

const CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

function invitationCode(length = 10): string {
  let code = "";
  for (let i = 0; i < length; i += 1) {
    code += CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)];
  }
  return code;
}

@Injectable()
export class InvitationsService {
  constructor(@InjectRepository(Invitation) private readonly invitations: Repository<Invitation>) {}

  async invite(teamId: number, email: string): Promise<Invitation> {
    const invitation = this.invitations.create({ teamId, email, code: invitationCode(), expiresAt: new Date(Date.now() + 7 * 864e5) });
    return this.invitations.save(invitation);
  }
}

@Controller("teams/:teamId/invitations")
export class InvitationsController {
  constructor(private readonly service: InvitationsService) {}

  @Post()
  invite(@Param("teamId") teamId: string, @Body("email") email: string) {
    return this.service.invite(Number(teamId), email);
  }
}
