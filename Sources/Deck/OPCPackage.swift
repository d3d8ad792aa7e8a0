// An Open Packaging Conventions package (the zip behind .pptx and .xlsx): parts with their
// content types and relationships, written in a fixed order with a fixed date so the same
// parts always give the same bytes. `[Content_Types].xml` comes first, as readers expect.

import Foundation
import ZIPFoundation

struct Relationship: Equatable {
    var id: String
    var type: String
    /// Relative to the source part's folder.
    var target: String
}

struct OPCPackage {
    struct Part {
        var path: String
        var contentType: String
        var data: Data
        var relationships: [Relationship]
    }

    private(set) var parts: [Part] = []
    /// Relationships of the package itself (`_rels/.rels`), to package paths.
    var packageRelationships = PartRelationships()
    /// Content types by file extension, for parts not listed one by one (e.g. embedded xlsx).
    var defaultContentTypes: [(String, String)] = [
        ("rels", "application/vnd.openxmlformats-package.relationships+xml"),
        ("xml", "application/xml"),
    ]

    /// Adds the part named `path`; its relationships' targets are written relative to it.
    mutating func add(_ path: String, contentType: String, xml: XMLNode, relationships: PartRelationships = PartRelationships()) {
        add(path, contentType: contentType, data: Data(xml.document.utf8), relationships: relationships)
    }

    mutating func add(_ path: String, contentType: String, data: Data, relationships: PartRelationships = PartRelationships()) {
        parts.append(Part(path: path, contentType: contentType, data: data, relationships: relationships.relationships(from: path)))
    }

    /// Adds a part of another package as it is (a template's master, layouts, theme and
    /// pictures): its bytes and its relationships, ids and targets unchanged.
    mutating func copy(_ path: String, contentType: String, data: Data, relationships: [Relationship]) {
        parts.append(Part(path: path, contentType: contentType, data: data, relationships: relationships))
    }

    /// Every part's entry, in writing order: content types, package relationships, then each
    /// part followed by its relationships.
    func entries() -> [(path: String, data: Data)] {
        var entries: [(String, Data)] = [("[Content_Types].xml", Data(contentTypesXML.document.utf8)),
                                         ("_rels/.rels",
                                          Data(OPCPackage.relationshipsXML(packageRelationships.relationships(from: "")).document.utf8))]
        for part in parts {
            entries.append((part.path, part.data))
            if !part.relationships.isEmpty {
                entries.append((OPCPackage.relationshipsPath(of: part.path),
                                Data(OPCPackage.relationshipsXML(part.relationships).document.utf8)))
            }
        }
        return entries
    }

    /// The zip's bytes. Entries are deflated and dated `date` (UTC), whatever the clock says.
    func zipped(date: Date) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (path, data) in entries() {
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: date,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let bytes = archive.data else { throw DeckError.zip("the archive has no data") }
        return bytes
    }

    private var contentTypesXML: XMLNode {
        let defaults = defaultContentTypes.map { XMLNode("Default", [("Extension", $0.0), ("ContentType", $0.1)]) }
        let overrides = parts.filter { !isCoveredByDefault($0) }
            .map { XMLNode("Override", [("PartName", "/" + $0.path), ("ContentType", $0.contentType)]) }
        return XMLNode("Types", [("xmlns", Namespace.contentTypes)], defaults + overrides)
    }

    private func isCoveredByDefault(_ part: Part) -> Bool {
        let ext = (part.path as NSString).pathExtension
        return defaultContentTypes.contains { $0.0 == ext && $0.1 == part.contentType }
    }

    static func relationshipsPath(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        return (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
    }

    static func relationshipsXML(_ relationships: [Relationship]) -> XMLNode {
        XMLNode("Relationships", [("xmlns", Namespace.relationships)], relationships.map {
            XMLNode("Relationship", [("Id", $0.id), ("Type", $0.type), ("Target", $0.target)])
        })
    }
}

public enum DeckError: Error, CustomStringConvertible {
    case zip(String)
    public var description: String {
        switch self {
        case .zip(let message): return "could not write the deck's zip: \(message)"
        }
    }
}
