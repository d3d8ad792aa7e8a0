// A part's outgoing relationships as the package layer hands them out (python-pptx's
// `relate_to`): relate the part to another part by that part's name and get its rId back,
// for the XML that points at it. Ids are rId1, rId2, … in the order the relations are
// made, and each target is written relative to the source part's folder when the part is
// added to the package, so no caller numbers an id or spells a relative path.

import Foundation

struct PartRelationships {
    struct Entry: Equatable {
        var id: String
        var type: String
        /// The target's part name (`ppt/slides/slide2.xml`), not yet relative.
        var part: String
    }

    private(set) var entries: [Entry] = []

    /// Relates the part to the part named `part` (a package path) and returns the new id.
    @discardableResult
    mutating func relate(to part: String, type: String) -> String {
        let id = "rId\(entries.count + 1)"
        entries.append(Entry(id: id, type: type, part: part))
        return id
    }

    /// The relationships as the source part `source` writes them (`""` for the package's
    /// own, whose targets are package paths).
    func relationships(from source: String) -> [Relationship] {
        entries.map { Relationship(id: $0.id, type: $0.type, target: PartRelationships.relative($0.part, from: source)) }
    }

    /// `target` relative to the folder of `source` (both package paths).
    static func relative(_ target: String, from source: String) -> String {
        let from = (source as NSString).deletingLastPathComponent.split(separator: "/").map(String.init)
        let to = target.split(separator: "/").map(String.init)
        var common = 0
        while common < from.count, common < to.count - 1, from[common] == to[common] { common += 1 }
        return (Array(repeating: "..", count: from.count - common) + to[common...]).joined(separator: "/")
    }
}
