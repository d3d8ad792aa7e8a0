import MarketData
import Yams

/// The one way YAML text reaches the parser. Yams composes nodes recursively, one stack
/// frame per nesting level, so a few thousand levels (`[[[[…`, or an indentation staircase)
/// overflow the stack and the process dies. Before parsing, this checks the file's size and
/// its nesting depth in one linear pass over the text, and reports the first place that
/// nests deeper than `InputLimits.yamlDepth` at its line and column.
enum YAMLGuard {
    /// Parses `text` (the contents of `file`) after the size and depth checks.
    static func compose(_ text: String, file: String) throws -> Node? {
        try InputLimits.checkSize(text.utf8.count, file: file, limit: InputLimits.yamlFileBytes, what: "a YAML file")
        var scan = DepthScan(limit: InputLimits.yamlDepth)
        if let deep = scan.firstTooDeep(in: text) {
            throw Diagnostic(SourceLocation(file: file, line: deep.line, column: deep.column),
                             "the YAML nests more than \(InputLimits.yamlDepth) levels deep here (counting indented blocks, `- ` items and `[`/`{` brackets)",
                             hint: "a config, theme or scenario needs only a few levels; check for a generated or pasted structure, or an unclosed `[` or `{` before this line")
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw Diagnostic.yamlSyntax(file: file, error: error)
        }
        guard let root, !scan.aliasUses.isEmpty else { return root }
        // Aliases copy what they name: a few lines of them can stand for billions of values.
        var budget = InputLimits.yamlValues
        guard countValues(root, budget: &budget) else {
            throw Diagnostic(SourceLocation(file: file, line: scan.aliasUses[0].line, column: scan.aliasUses[0].column),
                             "through its aliases (`*name`), the YAML stands for more than \(InputLimits.yamlValues) values",
                             hint: "write the values out instead of nesting aliases of aliases")
        }
        var relocations = 0
        return relocatingAliases(root, uses: scan.aliasUses, relocations: &relocations)
    }

    /// Counts the values `node` stands for, aliases expanded; false once over `budget`.
    private static func countValues(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar: return true
        case let .sequence(sequence): return sequence.allSatisfy { countValues($0, budget: &budget) }
        case let .mapping(mapping):
            return mapping.allSatisfy { countValues($0.key, budget: &budget) && countValues($0.value, budget: &budget) }
        }
    }

    // MARK: Aliases located at their use

    /// Yams gives an alias the node it names, with the anchor's position, so an error in
    /// `horizon: *defaults` would point at the `&defaults` line. A value placed before its
    /// own key (or list item before the one it follows) came from an alias: it gets the
    /// position of the alias after that key. Errors then point where the value is used.
    private static func relocatingAliases(_ node: Node, uses: [(line: Int, column: Int)], relocations: inout Int) -> Node {
        switch node {
        case .scalar:
            return node
        case var .mapping(mapping):
            for index in mapping.indices {
                let (key, value) = mapping[index]
                if let keyMark = key.mark, let valueMark = value.mark,
                   (valueMark.line, valueMark.column) < (keyMark.line, keyMark.column) {
                    if let use = firstUse(after: (keyMark.line, keyMark.column), in: uses) {
                        mapping[index].value = moved(value, to: use, relocations: &relocations)
                    }
                } else {
                    mapping[index].value = relocatingAliases(value, uses: uses, relocations: &relocations)
                }
            }
            return .mapping(mapping)
        case var .sequence(sequence):
            var previous: (node: Node?, mark: Mark?) = (nil, sequence.mark)
            for index in sequence.indices {
                let item = sequence[index]
                if let reference = previous.mark, let mark = item.mark,
                   (mark.line, mark.column) < (reference.line, reference.column) {
                    // Only after a single value is the next alias surely this item's.
                    if previous.node == nil || previous.node?.scalar != nil,
                       let use = firstUse(after: (reference.line, reference.column), in: uses) {
                        sequence[index] = moved(item, to: use, relocations: &relocations)
                    }
                } else {
                    sequence[index] = relocatingAliases(item, uses: uses, relocations: &relocations)
                }
                previous = (sequence[index], sequence[index].mark)
            }
            return .sequence(sequence)
        }
    }

    private static func firstUse(after position: (Int, Int), in uses: [(line: Int, column: Int)]) -> (line: Int, column: Int)? {
        var low = 0, high = uses.count
        while low < high {
            let middle = (low + high) / 2
            if (uses[middle].line, uses[middle].column) > position { high = middle } else { low = middle + 1 }
        }
        return low < uses.count ? uses[low] : nil
    }

    /// `node` with the position `use`. Yams makes positions only while parsing, so the mark
    /// comes from parsing a one-character document at that line and column; at most a few
    /// hundred are made per file.
    private static func moved(_ node: Node, to use: (line: Int, column: Int), relocations: inout Int) -> Node {
        guard relocations < 256, use.line < 100_000, use.column < 100_000 else { return node }
        relocations += 1
        let placeholder = String(repeating: "\n", count: use.line - 1) + String(repeating: " ", count: use.column - 1) + "x"
        guard let mark = (try? Yams.compose(yaml: placeholder))??.mark,
              mark.line == use.line, mark.column == use.column else { return node }
        switch node {
        case var .scalar(scalar): scalar.mark = mark; return .scalar(scalar)
        case var .mapping(mapping): mapping.mark = mark; return .mapping(mapping)
        case var .sequence(sequence): sequence.mark = mark; return .sequence(sequence)
        }
    }

    /// A single pass that approximates YAML's nesting well enough to bound it: block
    /// collections by their indentation (a stack of indents, plus one level per compact
    /// `- ` on a line), flow collections by their brackets. Quoted scalars, comments and
    /// block scalars (`|`, `>`) are skipped, so brackets in text do not count. It may count
    /// a level more than YAML would (never fewer by more than one per line), which only
    /// matters far beyond any real file.
    struct DepthScan {
        let limit: Int
        var indents: [Int] = []
        var flowDepth = 0
        /// Inside a quoted scalar that continues on the next line: its closing quote.
        var openQuote: Unicode.Scalar?
        /// Inside a block scalar: the indentation of the line that introduced it.
        var blockScalarParent: Int?

        /// Where each alias (`*name`) is used, in file order.
        var aliasUses: [(line: Int, column: Int)] = []
        var lineNumber = 0

        static func firstTooDeep(in text: String, limit: Int) -> (line: Int, column: Int)? {
            var scan = DepthScan(limit: limit)
            return scan.firstTooDeep(in: text)
        }

        mutating func firstTooDeep(in text: String) -> (line: Int, column: Int)? {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                if let column = scan(Array(line.unicodeScalars)) {
                    return (lineNumber, column)
                }
            }
            return nil
        }

        /// The 1-based column where the line first goes too deep, or nil.
        mutating func scan(_ line: [Unicode.Scalar]) -> Int? {
            var index = 0
            if let quote = openQuote {
                guard let end = Self.closingQuote(quote, in: line, from: 0) else { return nil }
                openQuote = nil
                index = end + 1
            } else if flowDepth == 0 {
                let indent = line.prefix { $0 == " " }.count
                let content = line[indent...].first
                if content == nil || content == "#" || line[indent...].allSatisfy({ $0 == " " || $0 == "\t" }) {
                    return nil
                }
                if let parent = blockScalarParent {
                    if indent > parent { return nil }
                    blockScalarParent = nil
                }
                if indent == 0, line.starts(with: ["-", "-", "-"]) || line.starts(with: [".", ".", "."]),
                   line.count == 3 || line[3] == " " {
                    indents.removeAll()
                    index = 3
                } else {
                    while let last = indents.last, last > indent { indents.removeLast() }
                    if indents.last != indent { indents.append(indent) }
                    if indents.count > limit { return indent + 1 }
                    index = indent
                    // Compact nested items: `- - - x` opens a sequence at each dash.
                    while index + 1 < line.count, line[index] == "-" || line[index] == "?",
                          line[index + 1] == " " {
                        index += 1
                        while index < line.count, line[index] == " " { index += 1 }
                        guard index < line.count, line[index] != "#" else { break }
                        indents.append(index)
                        if indents.count > limit { return index + 1 }
                    }
                }
            }
            return scanRest(line, from: index)
        }

        /// Flow brackets, quotes, comments and block-scalar indicators from `start` on.
        mutating func scanRest(_ line: [Unicode.Scalar], from start: Int) -> Int? {
            let indent = line.prefix { $0 == " " }.count
            var index = start
            // Whether a scalar or collection may start here (after an indicator or a space).
            var atValueStart = true
            while index < line.count {
                let scalar = line[index]
                switch scalar {
                case " ", "\t":
                    index += 1
                    continue
                case "#" where index == 0 || line[index - 1] == " " || line[index - 1] == "\t":
                    return nil
                case "\"" where atValueStart, "'" where atValueStart:
                    guard let end = Self.closingQuote(scalar, in: line, from: index + 1) else {
                        openQuote = scalar
                        return nil
                    }
                    index = end + 1
                    atValueStart = false
                    continue
                case "[" where atValueStart || flowDepth > 0, "{" where atValueStart || flowDepth > 0:
                    flowDepth += 1
                    if indents.count + flowDepth > limit { return index + 1 }
                    atValueStart = true
                    index += 1
                    continue
                case "]" where flowDepth > 0, "}" where flowDepth > 0:
                    flowDepth -= 1
                    atValueStart = false
                    index += 1
                    continue
                case "," where flowDepth > 0:
                    atValueStart = true
                    index += 1
                    continue
                case "|" where atValueStart && flowDepth == 0, ">" where atValueStart && flowDepth == 0:
                    blockScalarParent = indent
                    return nil
                case ":", "-", "?":
                    let next = index + 1 < line.count ? line[index + 1] : " "
                    if next == " " || next == "\t" || (flowDepth > 0 && (next == "," || next == "]" || next == "}")) {
                        atValueStart = true
                        index += 1
                        continue
                    }
                case "*" where atValueStart:
                    aliasUses.append((lineNumber, index + 1))
                    while index < line.count, line[index] != " ", !(flowDepth > 0 && (line[index] == "," || line[index] == "]" || line[index] == "}")) {
                        index += 1
                    }
                    atValueStart = false
                    continue
                case "&", "!":
                    // An anchor or tag stands before the value it names: skip its name.
                    while index < line.count, line[index] != " " { index += 1 }
                    continue
                default:
                    break
                }
                atValueStart = false
                index += 1
            }
            return nil
        }

        /// The index of the quote that closes a scalar opened by `quote`, from `start`.
        static func closingQuote(_ quote: Unicode.Scalar, in line: [Unicode.Scalar], from start: Int) -> Int? {
            var index = start
            while index < line.count {
                let scalar = line[index]
                if quote == "\"" && scalar == "\\" {
                    index += 2
                    continue
                }
                if scalar == quote {
                    if quote == "'", index + 1 < line.count, line[index + 1] == "'" {
                        index += 2
                        continue
                    }
                    return index
                }
                index += 1
            }
            return nil
        }
    }
}
