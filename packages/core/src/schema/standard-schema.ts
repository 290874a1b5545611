/**
 * The Standard Schema v1 interface (standardschema.dev), written out here so
 * the published types need no extra package. Any library whose schemas carry
 * a `~standard` property of this shape (valibot, zod 4, ArkType, …) can be
 * used for `input`, `output`, `params`, `args` and `ctx.elicit`.
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaV1.Props<Input, Output>;
}

/** The parts of the Standard Schema v1 interface. */
export declare namespace StandardSchemaV1 {
  /** What `~standard` holds. */
  export interface Props<Input = unknown, Output = Input> {
    readonly version: 1;
    readonly vendor: string;
    readonly validate: (value: unknown, options?: Options) => Result<Output> | Promise<Result<Output>>;
    readonly types?: Types<Input, Output> | undefined;
  }

  /** Options a library may read when validating. */
  export interface Options {
    readonly libraryOptions?: Record<string, unknown> | undefined;
  }

  /** What `validate` gives. */
  export type Result<Output> = SuccessResult<Output> | FailureResult;

  /** A passing value. */
  export interface SuccessResult<Output> {
    readonly value: Output;
    readonly issues?: undefined;
  }

  /** A failing value. */
  export interface FailureResult {
    readonly issues: ReadonlyArray<Issue>;
  }

  /** One problem found. */
  export interface Issue {
    readonly message: string;
    readonly path?: ReadonlyArray<PropertyKey | PathSegment> | undefined;
  }

  /** A path segment given as an object. */
  export interface PathSegment {
    readonly key: PropertyKey;
  }

  /** The phantom types a schema carries. */
  export interface Types<Input = unknown, Output = Input> {
    readonly input: Input;
    readonly output: Output;
  }

  /** The type a schema accepts. */
  export type InferInput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['input'];

  /** The type a schema produces. */
  export type InferOutput<Schema extends StandardSchemaV1> = NonNullable<Schema['~standard']['types']>['output'];
}

/**
 * The converter of the Standard JSON Schema interface: libraries that
 * implement it (zod ≥ 4.2, ArkType ≥ 2.1.28) put it at `~standard.jsonSchema`.
 */
export interface StandardJsonSchemaConverter {
  readonly input: (options: { readonly target: string }) => Record<string, unknown>;
  readonly output: (options: { readonly target: string }) => Record<string, unknown>;
}
