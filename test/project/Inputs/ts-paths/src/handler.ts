import { getClient } from '@lib/db';
import { notify } from 'src/util/notify';

export const handler = async (event: { id: string }) => {
  await notify(event.id);
  return getClient();
};
