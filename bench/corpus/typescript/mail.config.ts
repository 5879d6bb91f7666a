import { registerAs } from "@nestjs/config";

export interface MailConfig {
  host: string;
  port: number;
  user: string;
  password: string;
  from: string;
}

export default registerAs(
  "mail",
  (): MailConfig => ({
    host: process.env.SMTP_HOST ?? "localhost",
    port: Number.parseInt(process.env.SMTP_PORT ?? "587", 10),
    user: process.env.SMTP_USER ?? "",
    password: process.env.SMTP_PASSWORD ?? "",
    from: process.env.MAIL_FROM ?? "Teams <no-reply@localhost>",
  }),
);

// Values used by the local docker-compose stack (mailhog accepts any login).
export const localMailConfig: MailConfig = {
  host: "mailhog",
  port: 1025,
  user: "dev",
  password: "REPLACE_ME",
  from: "Teams Dev <dev@localhost>",
};
