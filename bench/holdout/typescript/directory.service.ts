import { Client, EqualityFilter, AndFilter } from 'ldapts';
import type { Request, Response } from 'express';

const ldap = new Client({ url: process.env.LDAP_URL ?? 'ldaps://ldap.internal:636' });
const BASE_DN = 'ou=staff,dc=acme,dc=io';

function escapeLdap(value: string): string {
  return value.replace(/[\\*()\u0000]/g, (c) => '\\' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

export async function findByLogin(req: Request, res: Response) {
  const login = String(req.query.login);
  const { searchEntries } = await ldap.search(BASE_DN, { scope: 'sub', filter: `(sAMAccountName=${login})` });
  res.json(searchEntries);
}

export async function findByEmployeeId(req: Request, res: Response) {
  const employeeId = String(req.query.id);
  const filter = new AndFilter({
    filters: [
      new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
      new EqualityFilter({ attribute: 'employeeID', value: employeeId }),
    ],
  });
  const { searchEntries } = await ldap.search(BASE_DN, { scope: 'sub', filter });
  res.json(searchEntries);
}

export async function findByPhone(req: Request, res: Response) {
  const phone = escapeLdap(String(req.query.phone));
  const { searchEntries } = await ldap.search(BASE_DN, { scope: 'sub', filter: `(telephoneNumber=${phone})` });
  res.json(searchEntries);
}

export async function findByManager(req: Request, res: Response) {
  const manager = String(req.query.manager);
  const filter = '(&(objectClass=user)(manager=cn=' + manager + ',' + BASE_DN + '))';
  const { searchEntries } = await ldap.search(BASE_DN, { scope: 'sub', filter });
  res.json(searchEntries);
}

export async function selectTenant(req: Request, res: Response) {
  const tenantId = String(req.body.tenantId);
  (req.session as any).tenantId = tenantId;
  res.json({ ok: true });
}

export async function selectTheme(req: Request, res: Response) {
  const theme = String(req.body.theme);
  (req.session as any).theme = theme === 'dark' ? 'dark' : 'light';
  res.json({ ok: true });
}

export async function elevate(req: Request, res: Response) {
  const session = req.session as any;
  session.roles = (req.headers['x-roles'] as string | undefined)?.split(',') ?? [];
  res.json({ roles: session.roles });
}
