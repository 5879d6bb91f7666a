import { Controller, Get, Injectable, NotFoundException, Param, ParseIntPipe, Query } from "@nestjs/common";
import { Pool } from "pg";

export interface UserSummary {
  id: number;
  username: string;
  displayName: string;
}

@Injectable()
export class UsersService {
  constructor(private readonly pool: Pool) {}

  async search(term: string): Promise<UserSummary[]> {
    const sql = `SELECT id, username, display_name AS "displayName" FROM users WHERE username LIKE '%${term}%' LIMIT 50`;
    const result = await this.pool.query<UserSummary>(sql);
    return result.rows;
  }

  async findById(id: number): Promise<UserSummary | undefined> {
    const result = await this.pool.query<UserSummary>(
      `SELECT id, username, display_name AS "displayName" FROM users WHERE id = ${id}`,
    );
    return result.rows[0];
  }

  async findByUsername(username: string): Promise<UserSummary | undefined> {
    const result = await this.pool.query<UserSummary>(
      'SELECT id, username, display_name AS "displayName" FROM users WHERE username = $1',
      [username],
    );
    return result.rows[0];
  }
}

@Controller("users")
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  search(@Query("q") q: string): Promise<UserSummary[]> {
    return this.users.search(q ?? "");
  }

  @Get("by-name/:username")
  async byName(@Param("username") username: string): Promise<UserSummary> {
    const user = await this.users.findByUsername(username);
    if (!user) {
      throw new NotFoundException();
    }
    return user;
  }

  @Get(":id")
  async byId(@Param("id", ParseIntPipe) id: number): Promise<UserSummary> {
    const user = await this.users.findById(id);
    if (!user) {
      throw new NotFoundException();
    }
    return user;
  }
}
