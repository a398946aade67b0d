/// The module text of Go build info, as `go version -m` prints it: tab-separated lines
/// `path`, `mod` (the main module), `dep`, and `=>` (a replacement of the line before it).
/// Other lines (`build` settings) are kept out of the inventory.
struct GoModuleInfo: Equatable {
    struct Module: Equatable {
        var path: String
        var version: String
        var replacement: Replacement?
    }

    struct Replacement: Equatable {
        var path: String
        var version: String
    }

    var path: String?
    var main: Module?
    var deps: [Module] = []
    /// 1-based line numbers of the text that were not understood.
    var malformedLines: [Int] = []

    init(_ text: String) {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            switch fields[0] {
            case "path" where fields.count >= 2: path = fields[1]
            case "mod" where fields.count >= 3: main = Module(path: fields[1], version: fields[2])
            case "dep" where fields.count >= 3 && !fields[1].isEmpty: deps.append(Module(path: fields[1], version: fields[2]))
            case "=>" where fields.count >= 3 && !fields[1].isEmpty:
                let replacement = Replacement(path: fields[1], version: fields[2])
                if !deps.isEmpty {
                    deps[deps.count - 1].replacement = replacement
                } else if main != nil {
                    main?.replacement = replacement
                } else {
                    malformedLines.append(index + 1)
                }
            case "build": break
            default: malformedLines.append(index + 1)
            }
        }
    }
}
