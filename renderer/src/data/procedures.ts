import { useMutation, useQuery, type DataTag, type QueryClient, type UseMutationOptions, type UseMutationResult, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
// Types only, as in api.ts: the contracts' schemas stay out of the start chunk.
import type { Contracts, ProcedureName } from '../../../shared/api/index.js';
import type { InputOf, OutputOf } from '../../../shared/api/procedure.js';
import { call } from '../api.js';

export type Input<N extends ProcedureName> = InputOf<Contracts[N]>;
export type Output<N extends ProcedureName> = OutputOf<Contracts[N]>;

/** A procedure whose input may be empty can be called without one. */
type InputArg<N extends ProcedureName> = {} extends Input<N> ? [input?: Input<N>] : [input: Input<N>];

/**
 * `[name, input]`: the procedure is the key's head, so a query can be found by what its procedure reads
 * (see refresh.ts). Tagged with the answer's type, so `client.setQueryData(procedureKey(...), value)` is checked.
 */
export type ProcedureKey<N extends ProcedureName> = DataTag<readonly [N, Input<N>], Output<N>, Error>;

export function procedureKey<N extends ProcedureName>(name: N, ...[input]: InputArg<N>): ProcedureKey<N> {
  return [name, input ?? {}] as unknown as ProcedureKey<N>;
}

export type ProcedureQueryOptions<N extends ProcedureName, TData = Output<N>> = Omit<
  UseQueryOptions<Output<N>, Error, TData, ProcedureKey<N>>,
  'queryKey' | 'queryFn'
>;

type QueryArgs<N extends ProcedureName, TData> = {} extends Input<N>
  ? [input?: Input<N>, options?: ProcedureQueryOptions<N, TData>]
  : [input: Input<N>, options?: ProcedureQueryOptions<N, TData>];

/**
 * The answer of one procedure, cached under `[name, input]` and fetched again whenever a procedure
 * changes a topic this one reads (refresh.ts): pages write no refresh rules of their own.
 */
export function useProcedure<N extends ProcedureName, TData = Output<N>>(name: N, ...[input, options]: QueryArgs<N, TData>): UseQueryResult<TData, Error> {
  const queryKey = procedureKey<N>(name, ...([input] as InputArg<N>));
  return useQuery({ ...options, queryKey, queryFn: () => call(name, (input ?? {}) as Input<N>) });
}

/** Starts fetching a procedure's answer into the cache (as `useProcedure` would), for a page about to show. */
export function prefetchProcedure<N extends ProcedureName>(client: QueryClient, name: N, ...[input]: InputArg<N>): Promise<void> {
  const queryKey = procedureKey<N>(name, ...([input] as InputArg<N>));
  return client.prefetchQuery({ queryKey, queryFn: () => call(name, (input ?? {}) as Input<N>) });
}

/** What `mutate` takes: the input itself, or nothing for a procedure whose input may be empty. */
type Variables<N extends ProcedureName> = {} extends Input<N> ? Input<N> | void : Input<N>;

export type ProcedureMutationOptions<N extends ProcedureName, V> = Omit<UseMutationOptions<Output<N>, Error, V>, 'mutationFn'>;

/**
 * Calls one procedure. Its success refreshes every query reading what it changed, through the one
 * subscriber at the app's root (the call's `changed`), whatever `onSuccess` does. With `input`, `mutate`
 * takes the page's own values (a form's, a row, a file) and `input` turns them into the procedure's input.
 */
export function useProcedureMutation<N extends ProcedureName, V = void>(
  name: N,
  options: ProcedureMutationOptions<N, V> & { input: (variables: V) => Input<N> | Promise<Input<N>> },
): UseMutationResult<Output<N>, Error, V>;
export function useProcedureMutation<N extends ProcedureName>(
  name: N,
  options?: ProcedureMutationOptions<N, Variables<N>>,
): UseMutationResult<Output<N>, Error, Variables<N>>;
export function useProcedureMutation<N extends ProcedureName>(
  name: N,
  { input, ...options }: ProcedureMutationOptions<N, unknown> & { input?: (variables: unknown) => Input<N> | Promise<Input<N>> } = {},
): UseMutationResult<Output<N>, Error, unknown> {
  return useMutation({
    ...options,
    mutationFn: async (variables: unknown) => call(name, (input ? await input(variables) : (variables ?? {})) as Input<N>),
  });
}
