// Folding text into lookup keys: case, accents and punctuation do not matter ("Zürich" = "zurich",
// "U.S.A." = "usa", "St. Louis" = "Saint Louis").

// Letters NFD does not decompose into a base letter plus marks.
const LETTERS: Record<string, string> = { ß: "ss", ø: "o", æ: "ae", œ: "oe", ł: "l", đ: "d", ı: "i", þ: "th", ð: "d" };
// Abbreviations folded to one spelling on both sides of a lookup.
const TOKENS: Record<string, string> = { saint: "st", sainte: "ste", mount: "mt", fort: "ft" };
const HAS_TOKEN = /\b(?:saint|sainte|mount|fort)\b/;
// Most names are already plain; skipping NFD for them keeps building the index (32k names) cheap.
const PLAIN = /^[a-z0-9]+(?: [a-z0-9]+)*$/;
const NON_ASCII = /[^\x00-\x7f]/;

export function foldKey(text: string): string {
  let key = text.toLowerCase();
  if (!PLAIN.test(key)) {
    if (NON_ASCII.test(key)) {
      key = key.normalize("NFD").replace(/\p{M}/gu, "").replace(/[ßøæœłđıþð]/g, (ch) => LETTERS[ch]);
    }
    key = key
      .replace(/[.'’`]/g, "")
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  }
  return HAS_TOKEN.test(key) ? key.split(" ").map((t) => TOKENS[t] ?? t).join(" ") : key;
}
