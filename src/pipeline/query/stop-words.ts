/**
 * Words dropped from a free-text query before it becomes search terms: English function words plus
 * recruiting filler ("looking for a strong candidate with experience") that every profile or job contains.
 */
export const QUERY_STOP_WORDS = new Set([
  // English function words
  "a", "an", "the", "and", "or", "but", "nor", "not", "no", "of", "in", "on", "at", "to", "for", "from",
  "by", "with", "without", "about", "into", "over", "under", "than", "then", "as", "is", "are", "was",
  "were", "be", "been", "being", "it", "its", "this", "that", "these", "those", "who", "whom", "which",
  "what", "where", "when", "why", "how", "i", "we", "you", "they", "he", "she", "me", "us", "them",
  "my", "our", "your", "their", "his", "her", "do", "does", "did", "have", "has", "had", "can", "could",
  "should", "would", "will", "shall", "may", "might", "must", "so", "if", "also", "very", "just",
  "some", "any", "all", "more", "most", "other", "such", "only", "own", "same", "too", "up", "out",
  "near", "like", "plus", "etc", "e.g", "i.e", "vs", "via", "per", "&", "+", "-", "/",
  // recruiting filler
  "looking", "seeking", "need", "needs", "want", "wants", "find", "someone", "somebody", "people",
  "person", "candidate", "candidates", "profile", "profiles", "role", "roles", "job", "jobs",
  "position", "positions", "opening", "hire", "hiring", "experience", "experienced", "years", "year",
  "yrs", "yr", "strong", "good", "great", "excellent", "solid", "skills", "skill", "ideally",
  "preferably", "preferred", "required", "must-have", "nice-to-have", "based", "background",
  "knowledge", "ability", "able", "team", "work", "working", "please", "only",
]);
