import { Injectable, UnauthorizedException } from "@nestjs/common";
import { ConfigService } from "@nestjs/config";
import { AndFilter, Client, EqualityFilter } from "ldapts";

export interface DirectoryUser {
  dn: string;
  mail: string;
  displayName: string;
}

@Injectable()
export class LdapAuthService {
  private readonly baseDn: string;

  constructor(private readonly config: ConfigService) {
    this.baseDn = config.getOrThrow<string>("LDAP_BASE_DN");
  }

  private async withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ url: this.config.getOrThrow<string>("LDAP_URL"), timeout: 5000 });
    await client.bind(this.config.getOrThrow<string>("LDAP_BIND_DN"), this.config.getOrThrow<string>("LDAP_BIND_PASSWORD"));
    try {
      return await work(client);
    } finally {
      await client.unbind();
    }
  }

  async login(username: string, password: string): Promise<DirectoryUser> {
    if (!password) {
      // An empty password would turn the user bind below into an anonymous bind.
      throw new UnauthorizedException();
    }
    const entry = await this.withClient(async (client) => {
      const { searchEntries } = await client.search(this.baseDn, {
        scope: "sub",
        filter: `(&(objectClass=user)(sAMAccountName=${username}))`,
        attributes: ["mail", "displayName"],
      });
      return searchEntries[0];
    });
    if (!entry) {
      throw new UnauthorizedException();
    }
    const userClient = new Client({ url: this.config.getOrThrow<string>("LDAP_URL") });
    await userClient.bind(entry.dn, password).finally(() => userClient.unbind());
    return { dn: entry.dn, mail: String(entry.mail), displayName: String(entry.displayName) };
  }

  async findByMail(mail: string): Promise<DirectoryUser | undefined> {
    const filter = new AndFilter({
      filters: [new EqualityFilter({ attribute: "objectClass", value: "user" }), new EqualityFilter({ attribute: "mail", value: mail })],
    });
    const { searchEntries } = await this.withClient((client) =>
      client.search(this.baseDn, { scope: "sub", filter, attributes: ["mail", "displayName"] }),
    );
    const entry = searchEntries[0];
    return entry && { dn: entry.dn, mail: String(entry.mail), displayName: String(entry.displayName) };
  }
}
