// A static member read and written through the class's own name (`Registry.instance`) lives as long
// as the class: a guarded `Registry.instance = new X()` in a static method is a lazy singleton, as
// the same code through `this.instance` already is. Written from how NestJS/Next.js services look.
import { RuleTester } from '@typescript-eslint/rule-tester';
import clientRule from '../../src/rules/no-per-call-client.js';
import { testable } from './testers.js';

const ruleTester = new RuleTester();

ruleTester.run('no-per-call-client: static singletons through the class name', testable(clientRule), {
  valid: [
    {
      name: 'guarded static instance, early return, conditional construction',
      code: `import { Queue } from 'bullmq';
export class ExportQueue {
  private static instance: Queue | null = null;
  public static getInstance(): Queue | null {
    if (ExportQueue.instance) return ExportQueue.instance;
    const connection = redisOptions();
    ExportQueue.instance = connection ? new Queue('export', { connection }) : null;
    return ExportQueue.instance;
  }
}
declare function redisOptions(): { host: string } | null;`,
    },
    {
      name: 'guarded static instance built by a factory of the file',
      code: `import { PrismaClient } from '@prisma/client';
export class Db {
  private static instance: PrismaClient;
  public static get(): PrismaClient {
    if (Db.instance) {
      return Db.instance;
    }
    Db.instance = createClient();
    return Db.instance;
  }
}
const createClient = () => {
  const client = new PrismaClient({ log: ['warn'] });
  return client;
};`,
    },
  ],
  invalid: [
    {
      name: 'an unguarded static write replaces the client on every call',
      code: `import { Queue } from 'bullmq';
export class ExportQueue {
  static instance: Queue;
  static get(name: string): Queue {
    ExportQueue.instance = new Queue(name, {});
    return ExportQueue.instance;
  }
}`,
      errors: [{ messageId: 'perCall', line: 5 }],
    },
    {
      name: 'a class declared inside a function is built again on every call of that function',
      code: `import { Queue } from 'bullmq';
export function handle(name: string) {
  class Holder {
    static instance: Queue | undefined;
    static get(): Queue {
      if (Holder.instance) return Holder.instance;
      Holder.instance = new Queue(name, {});
      return Holder.instance;
    }
  }
  return Holder.get().add('job', {});
}`,
      errors: [{ messageId: 'perCall', line: 7 }],
    },
  ],
});
