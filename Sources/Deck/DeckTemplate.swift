// A firm's PowerPoint template (.potx or .pptx) read for the deck to be built on: its first
// slide master with every layout, theme and picture that master uses, copied byte for
// byte; the layouts the slides take (one with a title and nothing else to fill for the
// pages, the title-slide layout for the cover); and the index of each layout's date,
// footer and slide-number placeholder, so the slides' placeholders inherit from them. The
// template's slides, notes and handouts are left out. Colours keep their theme references:
// the house palette maps onto the theme's slots (text, background, accents), so the pages
// take the template's colours and fonts.

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

public struct DeckTemplate: Sendable {
    /// A part copied from the template, at its own path.
    struct Part: Sendable {
        var path: String
        var contentType: String
        var data: Data
        var relationships: [Relationship]
    }

    /// A layout the slides can take, with its placeholders' indices.
    struct Layout: Sendable {
        var path: String
        var name: String
        var type: String?
        var placeholders: [(type: String, index: Int?)]

        func index(of type: String) -> Int? {
            placeholders.first { $0.type == type }?.index
        }
        var hasTitle: Bool { placeholders.contains { $0.type == "title" || $0.type == "ctrTitle" } }
    }

    /// Where the template came from, as given.
    public let source: String
    let parts: [Part]
    let masterPath: String
    let masterID: Int
    let themePath: String
    let layouts: [Layout]
    /// Content types by extension the copied parts need (png, jpeg, emf…).
    let defaults: [(String, String)]
    /// The template's slide size in EMU.
    public let slideSize: (width: Int, height: Int)?

    /// The layout for content pages: "Title Only" by type, else the one with a title and the
    /// fewest other placeholders to fill.
    var pageLayout: Layout {
        layouts.first { $0.type == "titleOnly" }
            ?? layouts.filter(\.hasTitle).min { $0.placeholders.count < $1.placeholders.count }
            ?? layouts[0]
    }

    /// The cover's layout: the title slide by type, else the page layout.
    var coverLayout: Layout {
        layouts.first { $0.type == "title" } ?? pageLayout
    }

    public init(path: String) throws {
        source = path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DeckTemplateError.unreadable(path, "the file cannot be read")
        }
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw DeckTemplateError.unreadable(path, "it is not a zip package (.potx or .pptx)")
        }
        var entries: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var bytes = Data()
            _ = try archive.extract(entry, skipCRC32: true) { bytes.append($0) }
            entries[entry.path] = bytes
        }
        func xml(_ name: String) throws -> XMLDocument {
            guard let bytes = entries[name] else { throw DeckTemplateError.unreadable(path, "it has no \(name)") }
            do { return try XMLDocument(data: bytes) } catch {
                throw DeckTemplateError.unreadable(path, "\(name) is not XML")
            }
        }
        func relationships(of part: String) throws -> [Relationship] {
            let name = OPCPackage.relationshipsPath(of: part)
            guard entries[name] != nil else { return [] }
            return DeckTemplate.elements("Relationship", in: try xml(name)).compactMap { element in
                guard let id = DeckTemplate.attribute(element, "Id"), let type = DeckTemplate.attribute(element, "Type"),
                      let target = DeckTemplate.attribute(element, "Target") else { return nil }
                if DeckTemplate.attribute(element, "TargetMode") == "External" { return nil }
                return Relationship(id: id, type: type, target: target)
            }
        }

        // The main part, from the package relationships.
        let root = try relationships(of: "")
        guard let main = root.first(where: { $0.type == RelationshipType.officeDocument })
            .map({ $0.target.hasPrefix("/") ? String($0.target.dropFirst()) : $0.target }) else {
            throw DeckTemplateError.unreadable(path, "it names no presentation part")
        }
        let presentation = try xml(main)
        let presentationRelationships = try relationships(of: main)
        guard let masterEntry = DeckTemplate.elements("p:sldMasterId", in: presentation).first,
              let masterRelationship = DeckTemplate.attribute(masterEntry, "r:id"),
              let masterTarget = presentationRelationships.first(where: { $0.id == masterRelationship })?.target else {
            throw DeckTemplateError.unreadable(path, "it has no slide master")
        }
        masterID = DeckTemplate.attribute(masterEntry, "id").flatMap(Int.init) ?? 2_147_483_648
        masterPath = DeckTemplate.resolve(masterTarget, from: main)
        if let size = DeckTemplate.elements("p:sldSz", in: presentation).first,
           let cx = DeckTemplate.attribute(size, "cx").flatMap(Int.init), let cy = DeckTemplate.attribute(size, "cy").flatMap(Int.init) {
            slideSize = (cx, cy)
        } else {
            slideSize = nil
        }

        // Content types of the template.
        let types = try xml("[Content_Types].xml")
        var overrides: [String: String] = [:]
        for element in DeckTemplate.elements("Override", in: types) {
            if let name = DeckTemplate.attribute(element, "PartName"), let type = DeckTemplate.attribute(element, "ContentType") {
                overrides[String(name.drop { $0 == "/" })] = type
            }
        }
        var byExtension: [String: String] = [:]
        for element in DeckTemplate.elements("Default", in: types) {
            if let ext = DeckTemplate.attribute(element, "Extension"), let type = DeckTemplate.attribute(element, "ContentType") {
                byExtension[ext.lowercased()] = type
            }
        }

        // The master and everything it reaches, except slides, notes and handouts.
        let skipped: Set<String> = [RelationshipType.slide, RelationshipType.notesMaster, RelationshipType.notesSlide,
                                    RelationshipType.base + "handoutMaster"]
        var copied: [Part] = []
        var seen: Set<String> = []
        var usedExtensions: Set<String> = []
        var queue = [masterPath]
        var layoutPaths: [String] = []
        var theme: String?
        while let part = queue.first {
            queue.removeFirst()
            guard seen.insert(part).inserted, let bytes = entries[part] else { continue }
            let partRelationships = try relationships(of: part).filter { !skipped.contains($0.type) }
            let ext = (part as NSString).pathExtension.lowercased()
            guard let type = overrides[part] ?? byExtension[ext] else { continue }
            if overrides[part] == nil { usedExtensions.insert(ext) }
            copied.append(Part(path: part, contentType: type, data: bytes, relationships: partRelationships))
            for relationship in partRelationships {
                let target = DeckTemplate.resolve(relationship.target, from: part)
                if part == masterPath, relationship.type == RelationshipType.slideLayout { layoutPaths.append(target) }
                if part == masterPath, relationship.type == RelationshipType.theme { theme = target }
                queue.append(target)
            }
        }
        guard let theme, !layoutPaths.isEmpty else {
            throw DeckTemplateError.unreadable(path, "its slide master has no theme or no layouts")
        }
        themePath = theme
        parts = copied
        defaults = usedExtensions.sorted().compactMap { ext in byExtension[ext].map { (ext, $0) } }
            .filter { !["xml", "rels"].contains($0.0) }
        layouts = try layoutPaths.map { layoutPath in
            let document = try xml(layoutPath)
            let root = document.rootElement()
            let name = DeckTemplate.elements("p:cSld", in: document).first.flatMap { DeckTemplate.attribute($0, "name") } ?? ""
            let placeholders = DeckTemplate.elements("p:ph", in: document).map { ph in
                (type: DeckTemplate.attribute(ph, "type") ?? "body", index: DeckTemplate.attribute(ph, "idx").flatMap(Int.init))
            }
            return Layout(path: layoutPath, name: name, type: root.flatMap { DeckTemplate.attribute($0, "type") },
                          placeholders: placeholders)
        }
    }

    static func elements(_ name: String, in node: FoundationXML.XMLNode) -> [XMLElement] {
        var found: [XMLElement] = []
        func walk(_ node: FoundationXML.XMLNode) {
            if let element = node as? XMLElement, element.name == name { found.append(element) }
            for child in node.children ?? [] { walk(child) }
        }
        walk(node)
        return found
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attributes?.first { $0.name == name || $0.localName == name }?.stringValue
    }

    /// The part a relationship target names, relative to the source part's folder.
    static func resolve(_ target: String, from source: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var components = (source as NSString).deletingLastPathComponent.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = components.popLast() } else if piece != "." { components.append(String(piece)) }
        }
        return components.joined(separator: "/")
    }
}

public enum DeckTemplateError: Error, CustomStringConvertible {
    case unreadable(String, String)
    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "\(path): cannot use as a deck template: \(reason)"
        }
    }
}
