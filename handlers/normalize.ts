import type { InboundEvent, InboundPayload } from '../src/core/event.js';

const nfc = (s: string): string => s.normalize('NFC');

function payloadNfc(p: InboundPayload): InboundPayload {
  switch (p.kind) {
    case 'text':
      return { ...p, text: nfc(p.text) };
    case 'command':
      return { ...p, args: nfc(p.args) };
    case 'media':
      return {
        ...p,
        caption: nfc(p.caption),
        attachment: { ...p.attachment, fileName: p.attachment.fileName === null ? null : nfc(p.attachment.fileName) },
      };
    default:
      return p;
  }
}

/**
 * Some clients send Vietnamese decomposed (NFD): "ệ" as e + two marks. Everything a person sends,
 * their profile name included, is stored composed (NFC), so it compares, searches and counts alike.
 */
export function eventNfc(event: InboundEvent): InboundEvent {
  return {
    ...event,
    chatTitle: event.chatTitle === null ? null : nfc(event.chatTitle),
    profile: { ...event.profile, name: nfc(event.profile.name) },
    payload: payloadNfc(event.payload),
  };
}
