// A small TypeScript service for the install test: syntax only typescript-eslint's parser reads
// (types, generics, `as`, `satisfies`). `// expect: <rule>` marks what every config reports,
// `// expect-typed: <rule>` what only the type-checked config reports.
import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';
import { http } from './http.js';

interface OrderEvent {
  readonly key: string;
}

const parse = <T,>(text: string): T => JSON.parse(text) as T;

export async function handler(event: OrderEvent): Promise<unknown> {
  const s3 = new S3Client({ region: 'eu-west-1' }); // expect: reuse-clients/no-per-call-client
  const object = await s3.send(new GetObjectCommand({ Bucket: 'orders', Key: event.key }));
  return parse<{ id: string }>(String(object.ETag satisfies string | undefined));
}

export async function price(id: string): Promise<number> {
  const client = http.create({ baseURL: 'https://prices.example.com' }); // expect-typed: reuse-clients/prefer-axios-instance
  const { data } = await client.get<{ price: number }>(`/prices/${id}`);
  return data.price;
}
