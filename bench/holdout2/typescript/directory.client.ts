import { Body, Controller, Get, Headers, Injectable, Post, Query } from '@nestjs/common';
import { Client } from 'ldapts';
import * as xpath from 'xpath';
import { DOMParser } from '@xmldom/xmldom';
import { readFileSync } from 'node:fs';

function escapeLdap(value: string): string {
  return value.replace(/[\\*()\u0000]/g, (c) => `\\${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

const USERS_BASE = 'ou=users,dc=corp,dc=local';

@Injectable()
export class DirectoryClient {
  private readonly client = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.internal' });
  private readonly policies = new DOMParser().parseFromString(
    readFileSync('config/policies.xml', 'utf8'),
    'text/xml',
  );

  async findByUid(uid: string) {
    const { searchEntries } = await this.client.search(USERS_BASE, {
      filter: `(uid=${uid})`,
      scope: 'sub',
    });
    return searchEntries[0];
  }

  async findByEmail(email: string) {
    const { searchEntries } = await this.client.search(USERS_BASE, {
      filter: `(mail=${escapeLdap(email)})`,
      scope: 'sub',
    });
    return searchEntries;
  }

  async listGroups() {
    const { searchEntries } = await this.client.search('ou=groups,dc=corp,dc=local', {
      filter: '(objectClass=groupOfNames)',
      scope: 'one',
    });
    return searchEntries.map((e) => e.cn);
  }

  async authenticate(username: string, password: string): Promise<boolean> {
    const session = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.internal' });
    try {
      await session.bind(`uid=${username},${USERS_BASE}`, password);
      return true;
    } catch {
      return false;
    } finally {
      await session.unbind();
    }
  }

  allowedActions(role: string): string[] {
    const nodes = xpath.select(`/policies/role[@name='${role}']/action/@id`, this.policies) as Attr[];
    return nodes.map((n) => n.value);
  }

  groupMembers(group: string): string[] {
    const expr = xpath.parse('/policies/group[@name=$group]/member/text()');
    return expr.select({ node: this.policies, variables: { group } }).map(String);
  }
}

@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryClient) {}

  @Get('user')
  user(@Query('uid') uid: string) {
    return this.directory.findByUid(uid);
  }

  @Get('by-email')
  byEmail(@Query('email') email: string) {
    return this.directory.findByEmail(email);
  }

  @Get('groups')
  groups() {
    return this.directory.listGroups();
  }

  @Post('login')
  login(@Body() body: { username: string; password: string }) {
    return this.directory.authenticate(body.username, body.password);
  }

  @Get('actions')
  actions(@Headers('x-role') role: string) {
    return this.directory.allowedActions(role);
  }

  @Get('members')
  members(@Query('group') group: string) {
    return this.directory.groupMembers(group);
  }
}
