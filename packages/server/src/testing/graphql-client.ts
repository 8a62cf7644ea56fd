export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface RequestOptions {
  variables?: Record<string, unknown>;
  /** A customer's bearer token (SSO or guest). */
  token?: string;
  /** Cookie header to send (staff session). */
  cookie?: string;
  headers?: Record<string, string>;
}

/** A GraphQL client speaking plain HTTP to a running server, as any client would. */
export class GraphQLClient {
  readonly endpoint: string;
  /** Cookies the server set, sent back on later requests (a browser's cookie jar, minimally). */
  cookie: string | undefined;

  constructor(endpoint: string) {
    this.endpoint = endpoint;
  }

  async raw(
    query: string,
    options: RequestOptions = {},
    accept = 'application/graphql-response+json',
  ): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/json', accept, ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const cookie = options.cookie ?? this.cookie;
    if (cookie) headers.cookie = cookie;
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, variables: options.variables ?? {} }),
    });
    const setCookie = response.headers.getSetCookie();
    if (setCookie.length) this.cookie = setCookie.map((c) => c.split(';')[0]).join('; ');
    return response;
  }

  async request<T = Record<string, any>>(query: string, options: RequestOptions = {}): Promise<GraphQLResponse<T>> {
    const response = await this.raw(query, options);
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** The data of a request that must succeed; throws with the errors otherwise. */
  async data<T = Record<string, any>>(query: string, options: RequestOptions = {}): Promise<T> {
    const result = await this.request<T>(query, options);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL request failed: ${JSON.stringify(result.errors ?? result)}`);
    }
    return result.data;
  }

  /** The first error's code and message of a request that must fail. */
  async error(
    query: string,
    options: RequestOptions = {},
  ): Promise<{ code: unknown; message: string; field?: unknown }> {
    const result = await this.request(query, options);
    const error = result.errors?.[0];
    if (!error) throw new Error(`Expected an error, got ${JSON.stringify(result.data)}`);
    return { code: error.extensions?.code, message: error.message, field: error.extensions?.field };
  }
}
