import { InvalidRequestError } from '../parse-json-body.ts';
import { outageState, type ProviderState } from '../provider-state.ts';
import { CHANNELS, type Channel, type NotifyStore } from './notify-store.ts';

/** Provider states of the notify service (docs/services.md lists them too). */
export const notifyStates: readonly ProviderState<NotifyStore>[] = [
  {
    name: 'user {userId} accepts {channel}',
    description: 'The user has not opted out of the channel (every user accepts every channel by default).',
    setup(store, params) {
      store.optedOut.delete(`${params.string('userId')}:${channel(params.string('channel'))}`);
    },
  },
  {
    name: 'user {userId} does not accept {channel}',
    description: 'The user opted out of the channel: sending answers 422 `channel_opted_out`.',
    setup(store, params) {
      store.optedOut.add(`${params.string('userId')}:${channel(params.string('channel'))}`);
    },
  },
  outageState('notify is rate limited', 'Every send answers 429 `rate_limited`', (store, outage) => {
    store.rateLimited = outage;
  }),
  {
    name: 'notification {id} was sent',
    description: 'A delivered notification with that id exists (params userId, channel, message optional).',
    setup(store, params) {
      const id = params.string('id');
      store.notifications.set(id, {
        id,
        userId: params.string('userId', 'user-1'),
        channel: channel(params.string('channel', 'email')),
        message: params.string('message', 'Hello'),
        status: 'delivered',
        deliveries: 1,
      });
    },
  },
];

function channel(value: string): Channel {
  if (!(CHANNELS as readonly string[]).includes(value)) {
    throw InvalidRequestError.expected('params.channel', CHANNELS.join(' | '), value);
  }
  return value as Channel;
}
