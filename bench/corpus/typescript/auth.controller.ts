import { Body, Controller, HttpCode, Post, Res, Session, UnauthorizedException } from "@nestjs/common";
import type { Response } from "express";
import { AuthService } from "./auth.service";

const REFRESH_COOKIE_OPTIONS = {
  httpOnly: true,
  secure: true,
  sameSite: "strict" as const,
  path: "/auth/refresh",
  maxAge: 30 * 24 * 60 * 60 * 1000,
};

class LoginDto {
  email!: string;
  password!: string;
}

@Controller("auth")
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post("login")
  @HttpCode(204)
  async login(@Body() dto: LoginDto, @Session() session: Record<string, unknown>, @Res({ passthrough: true }) res: Response) {
    const user = await this.auth.verify(dto.email, dto.password);
    if (!user) {
      throw new UnauthorizedException();
    }
    session.userId = user.id;
    const { accessToken, refreshToken } = await this.auth.issueTokens(user.id);
    res.cookie("access_token", accessToken, { sameSite: "lax", maxAge: 15 * 60 * 1000 });
    res.cookie("refresh_token", refreshToken, REFRESH_COOKIE_OPTIONS);
  }

  @Post("impersonate")
  @HttpCode(204)
  impersonate(@Body("email") email: string, @Session() session: Record<string, unknown>) {
    session.impersonating = email;
  }
}
