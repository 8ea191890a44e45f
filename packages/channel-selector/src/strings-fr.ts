import type { StringTable } from '@tandem/sdk-core';

export default {
  'launcher.label': 'Nous contacter',
  'launcher.unread': '{count} nouveaux',
  'selector.title': 'Comment souhaitez-vous nous joindre ?',
  'selector.none': 'Aucun moyen de nous joindre n’est ouvert pour le moment. Réessayez plus tard.',
  'channel.chat': 'Discuter avec nous',
  'channel.messaging': 'Nous envoyer un message',
  'channel.clickToCall': 'Nous appeler',
  'channel.callback': 'Être rappelé',
  'channel.cobrowse': 'Partager votre écran avec un conseiller',
  'channel.leaveMessage': 'Nous laisser un message',
  'status.available': 'Disponible maintenant',
  'status.waitShort': 'Attente de moins d’une minute',
  'status.wait': 'Attente d’environ {minutes} min',
  'status.busy': 'Très demandé en ce moment',
  'status.closed': 'Fermé',
  'status.away': 'Personne n’est disponible pour discuter pour le moment',
  'status.opens': 'Fermé, ouvre {time}',
} satisfies StringTable;
