/// "Did you mean" for misspelt column names, statuses, config keys, series ids and model
/// names. Deterministic: ties are broken by the candidates' own order, never by hashing.
public enum Suggestions {
    /// Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, the
    /// commonest typing slip: "statsu" is one edit from "status"), counted in characters.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let s = Array(a), t = Array(b)
        if s.isEmpty { return t.count }
        if t.isEmpty { return s.count }
        // Three rolling rows: the transposition step looks two rows back.
        var previousPrevious = [Int](repeating: 0, count: t.count + 1)
        var previous = Array(0...t.count)
        var current = [Int](repeating: 0, count: t.count + 1)
        for i in 1...s.count {
            current[0] = i
            for j in 1...t.count {
                let substitution = s[i - 1] == t[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution)
                if i > 1, j > 1, s[i - 1] == t[j - 2], s[i - 2] == t[j - 1] {
                    best = min(best, previousPrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[t.count]
    }

    /// The candidate closest to `input`, compared case-insensitively, if it is close enough to
    /// be a plausible slip: at most `maxDistance` edits, by default a third of the input's
    /// length (at least 1, at most 3). An exact match is not a suggestion and yields nil.
    public static func closest(to input: String, among candidates: [String], maxDistance: Int? = nil) -> String? {
        let needle = input.lowercased()
        let limit = maxDistance ?? max(1, min(3, needle.count / 3))
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where candidate != input {
            let distance = editDistance(needle, candidate.lowercased())
            guard distance <= limit else { continue }
            // Strictly smaller only, so the earliest of equally close candidates wins.
            if let current = best, distance >= current.distance { continue }
            best = (candidate, distance)
        }
        return best?.candidate
    }

    /// A hint sentence for an unknown name: `did you mean "status"? the header has: "year",
    /// "value"` — or just the list when nothing is close. `listIntro` introduces the list
    /// ("the header has", "the status must be one of").
    public static func hint(for input: String, among candidates: [String], listIntro: String) -> String {
        let list = candidates.isEmpty ? "nothing" : candidates.map { "\"\($0)\"" }.joined(separator: ", ")
        let known = "\(listIntro): \(list)"
        if let match = closest(to: input, among: candidates) {
            return "did you mean \"\(match)\"? \(known)"
        }
        return known
    }
}
