import type { LabEngine } from '../../../engine/labEngine';
import { TransactionModel } from './transactions';

/** Client/server: the transaction model of the office, mainframe and database worlds. */
export const clientServerLab = {
  create: (world) => (world.workload ? new TransactionModel({ ...world.workload }) : undefined),
} satisfies LabEngine<TransactionModel>;
