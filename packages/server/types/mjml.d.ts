declare module 'mjml' {
  interface MjmlResult {
    html: string;
    errors: { line: number; message: string; tagName: string; formattedMessage: string }[];
  }
  interface MjmlOptions {
    validationLevel?: 'strict' | 'soft' | 'skip';
    minify?: boolean;
    keepComments?: boolean;
  }
  /** MJML 5: markup in, email-client-proof HTML out. */
  export default function mjml2html(input: string, options?: MjmlOptions): Promise<MjmlResult>;
}
