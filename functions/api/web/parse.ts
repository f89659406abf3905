/** Text-area formats of the secretariat pages (what a person types), parsed into records. */
import type { Attendee } from "../../../shared/minutes/index.js";

/** "Kari Solberg Økland for Trond Julin, Drammen" → { name, substituteFor, organisation }. */
export function parseAttendeeLines(text: string): Attendee[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const comma = line.lastIndexOf(",");
      const who = comma > 0 ? line.slice(0, comma).trim() : line;
      const organisation = comma > 0 ? line.slice(comma + 1).trim() || undefined : undefined;
      const m = /^(.+?) for (.+)$/.exec(who);
      return m ? { name: m[1]!.trim(), substituteFor: m[2]!.trim(), organisation } : { name: who, organisation };
    });
}

/** "A Title" starts a sub-item; "- text" lines are its bullets. */
export function parseSubItems(text: string): { letter: string; title: string; bullets: string[] }[] {
  const items: { letter: string; title: string; bullets: string[] }[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const bullet = /^[-•*]\s*(.+)$/.exec(line);
    if (bullet && items.length) {
      items.at(-1)!.bullets.push(bullet[1]!);
      continue;
    }
    const head = /^([A-ZÆØÅ])[.)]?\s+(.+)$/.exec(line);
    if (head) items.push({ letter: head[1]!, title: head[2]!, bullets: [] });
    else items.push({ letter: String.fromCharCode(65 + items.length), title: line, bullets: [] });
  }
  return items;
}

export function parseNumberList(text: string): number[] {
  return text
    .split(/[+,;\s]+/)
    .filter(Boolean)
    .map(Number);
}
