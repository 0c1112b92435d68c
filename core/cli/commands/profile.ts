import type { Command } from '../commands.ts';
import { requireString } from '../args.ts';
import { formatProfile } from '../../profile/index.ts';
import type { DatasetProfile } from '../../profile/types.ts';

/** `profile --workspace DB --dataset NAME` */
export const profileCommand: Command = {
  usage: '--workspace DB --dataset NAME   data quality and DNA rates',
  options: { workspace: { type: 'string' }, dataset: { type: 'string' } },
  request: ({ values }) => {
    requireString(values, 'workspace');
    return { operation: 'dataset.profile', input: { dataset: requireString(values, 'dataset') } };
  },
  format: (r: DatasetProfile) => formatProfile(r),
};
