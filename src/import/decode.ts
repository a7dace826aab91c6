/**
 * An export's bytes as text. Exchanges write UTF-8 (Binance and BitMEX with a byte-order mark);
 * a spreadsheet that saves the file again may write UTF-16 ("Unicode Text", with its mark) or the
 * system's 8-bit code page (Windows-1252 in Western Europe): each is told from the bytes, never
 * guessed from the name, and the summary says which was read when it was not UTF-8.
 */
export interface Decoded {
  text: string;
  /** "UTF-16" / "Windows-1252" when the file was not UTF-8. */
  encoding: string | null;
}

export function decodeExport(bytes: Uint8Array): Decoded {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "UTF-16" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "UTF-16" };
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: null };
  } catch {
    // Not UTF-8: a spreadsheet's 8-bit save. (Every byte is a character in Windows-1252.)
    return { text: new TextDecoder("windows-1252").decode(bytes), encoding: "Windows-1252" };
  }
}
