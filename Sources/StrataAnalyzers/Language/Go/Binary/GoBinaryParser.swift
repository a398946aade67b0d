import StrataCore

/// Go executables (ELF; PE and Mach-O for Go ≥ 1.18): the build info the linker embeds
/// (`GoBuildInfo`) gives the main module, every dependency module with its version (a
/// replacement with a version stands for the module it replaces) and the toolchain as
/// `stdlib`, like `go version -m`. Files that are not executables, or are executables without
/// Go build info, yield nothing; a corrupt or truncated executable is a warning. A binary has
/// no lines, so locations carry only the path. Build info lists every module of the build
/// without saying which are direct, so relationships are `unknown`.
public struct GoBinaryParser: Sendable {
    /// Go binaries are large (100 MB is not rare), so the cap is its own.
    public var maxBytes: Int

    public init(maxBytes: Int = 512 << 20) { self.maxBytes = maxBytes }

    public func parse(_ bytes: [UInt8], path: String) -> Inventory {
        var inventory = Inventory()
        guard ExecutableKind.sniff(bytes) != nil else { return inventory }
        guard bytes.count <= maxBytes else {
            inventory.fail(path, line: nil, "executable is \(bytes.count) bytes, over the \(maxBytes)-byte limit", code: .fileTooLarge)
            return inventory
        }
        let info: GoBuildInfo
        do {
            guard let found = try GoBuildInfo.read(bytes) else { return inventory }
            info = found
        } catch {
            inventory.warn(path, line: nil, error.reason, code: error.code)
            return inventory
        }
        let modules = GoModuleInfo(info.moduleText)
        let location = SourceLocation(path: path)
        if let main = modules.main {
            let version = main.version == "(devel)" || main.version.isEmpty ? nil : main.version
            inventory.packages.append(InventoryPackage(
                name: main.path, version: version, ecosystem: "Go", purl: .golang(main.path, version),
                constraint: version == nil ? main.version : nil, location: location))
        }
        for dep in modules.deps {
            inventory.packages.append(package(dep, location: location))
        }
        if let toolchain = Self.stdlibVersion(info.goVersion) {
            inventory.packages.append(InventoryPackage(
                name: "stdlib", version: toolchain, ecosystem: "Go", purl: .golang("stdlib", toolchain),
                location: location))
        }
        for line in modules.malformedLines {
            inventory.warn(path, line: nil, "Go build info line \(line) is not a path, mod, dep, => or build line")
        }
        return inventory
    }

    /// A replacement by another module version is what was built; a local directory
    /// replacement (no version) keeps the required module's name and version.
    private func package(_ dep: GoModuleInfo.Module, location: SourceLocation) -> InventoryPackage {
        var name = dep.path, version = dep.version
        if let r = dep.replacement, !r.version.isEmpty, r.version != "(devel)" {
            name = r.path
            version = r.version
        }
        let pinned = version.isEmpty ? nil : version
        return InventoryPackage(name: name, version: pinned, ecosystem: "Go", purl: .golang(name, pinned),
                                location: location)
    }

    /// `go1.21.5` → `v1.21.5`; `go1.20` → `v1.20.0`; experiments (`go1.22.1 X:boringcrypto`)
    /// and development toolchains (`devel +abc`) keep only a release number or none.
    static func stdlibVersion(_ goVersion: String) -> String? {
        guard goVersion.hasPrefix("go") else { return nil }
        let release = goVersion.dropFirst(2).prefix { !$0.isWhitespace }
        let parts = release.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2, parts.allSatisfy({ !$0.isEmpty }),
              parts.prefix(2).allSatisfy({ $0.allSatisfy(\.isNumber) }) else { return nil }
        return "v" + (parts.count == 2 ? release + ".0" : release)
    }
}
