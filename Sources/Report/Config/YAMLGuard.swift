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
        if let deep = DepthScan.firstTooDeep(in: text, limit: InputLimits.yamlDepth) {
            throw InputError(SourceLocation(file: file, line: deep.line, column: deep.column),
                             "the YAML nests more than \(InputLimits.yamlDepth) levels deep here (counting indented blocks, `- ` items and `[`/`{` brackets)",
                             hint: "a config, theme or scenario needs only a few levels; check for a generated or pasted structure, or an unclosed `[` or `{` before this line")
        }
        do {
            return try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw InputError.yamlSyntax(file: file, error: error)
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

        static func firstTooDeep(in text: String, limit: Int) -> (line: Int, column: Int)? {
            var scan = DepthScan(limit: limit)
            var lineNumber = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNumber += 1
                if let column = scan.scan(Array(line.unicodeScalars)) {
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
