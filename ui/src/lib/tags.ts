/**
 * Adds a typed name to a chip list. Blank text and a name already present (ignoring case) are not
 * added twice; Rust normalises names again when the film is saved.
 */
export function addTag(tags: string[], raw: string): string[] {
  const name = raw.trim().replace(/\s+/g, " ");
  if (!name) return tags;
  const key = name.toLocaleLowerCase();
  if (tags.some((tag) => tag.toLocaleLowerCase() === key)) return tags;
  return [...tags, name];
}

export function removeTag(tags: string[], index: number): string[] {
  return tags.filter((_, i) => i !== index);
}

/** Text pasted or typed with separators in it ("a, b") becomes several chips. */
export function addTags(tags: string[], raw: string, separators: RegExp): string[] {
  return raw.split(separators).reduce(addTag, tags);
}
