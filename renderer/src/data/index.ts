export { prefetchProcedure, procedureKey, useProcedure, useProcedureMutation, type Input, type Output, type ProcedureKey } from './procedures.js';
export { useRefreshByTopic } from './refresh.js';
