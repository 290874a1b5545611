/**
 * Tiny media payloads the conformance suite checks for: a 1x1 red PNG and a
 * short silent WAV. Both are built here, so the fixture has no binary files.
 */

/** A 1x1 red pixel, RGB, as a base64 PNG. */
export const RED_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4z8AAAAMBAQDJ/pLvAAAAAElFTkSuQmCC';

/**
 * A mono 8-bit PCM WAV of `samples` silent samples at 8 kHz: the 44-byte
 * RIFF header followed by the samples (128 is silence in unsigned 8-bit PCM).
 */
export const silentWav = (samples = 800): Uint8Array => {
  const rate = 8000;
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true); // fmt chunk size
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // channels
  view.setUint32(24, rate, true); // sample rate
  view.setUint32(28, rate, true); // byte rate = rate * channels * 1 byte
  view.setUint16(32, 1, true); // block align
  view.setUint16(34, 8, true); // bits per sample
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  bytes.fill(128, 44);
  return bytes;
};
