import { Module } from "@nestjs/common";
import { ConfigModule, ConfigService } from "@nestjs/config";
import { JwtModule } from "@nestjs/jwt";
import { TypeOrmModule } from "@nestjs/typeorm";
import { AuthController } from "./auth.controller";
import { AuthService } from "./auth.service";
import { Invitation } from "./invitation.entity";
import { InvitationsController, InvitationsService } from "./invitations.service";

@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true }),
    TypeOrmModule.forRoot({
      type: "postgres",
      host: "db.internal",
      port: 5432,
      username: "app",
      password: "Tq8#vLm2!xR7pZ4w",
      database: "teams",
      entities: [Invitation],
      synchronize: false,
    }),
    TypeOrmModule.forFeature([Invitation]),
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService) => ({
        secret: config.getOrThrow<string>("JWT_SECRET"),
        signOptions: { expiresIn: "15m" },
      }),
    }),
  ],
  controllers: [AuthController, InvitationsController],
  providers: [AuthService, InvitationsService],
})
export class AppModule {}
