import ArgumentParser
import Foundation
import StrataArtifact
import StrataCore
import StrataScan

/// `strata image FILE|DIR`: a container image saved locally — secrets layer by layer, OS and
/// language packages of the squashed filesystem.
struct ImageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "image", abstract: "Scan a container image: a docker-archive or OCI archive tar, or an OCI layout directory.",
        discussion: """
            Examples:
              docker save app:1.4 -o app.tar && strata image app.tar
              skopeo copy docker://registry.local/app:1.4 oci:app-oci:1.4 && strata image app-oci
              strata image app.tar.gz --scanners secret --format sarif --output secrets.sarif

            Secrets are searched in every layer, so a key that a later layer deletes is still found
            (it is still in the image); each secret names its layer (LayerDigest, the diff id) and the
            report lists the layers with the build step that made each. Packages and vulnerabilities
            are read from the filesystem a container starts with (whiteouts applied).

            Pulling from a registry is not in this build: save or copy the image to a file first.
            Layers compressed with zstd are reported and skipped.
            """)

    @Argument(help: "Image archive (tar, tar.gz) or OCI image layout directory.")
    var path: String

    @OptionGroup var report: ReportOptions
    @OptionGroup var walk: WalkFlags
    @OptionGroup var tree: TreeScanFlags

    func run() throws {
        try TreeScan(report: report, walk: walk, tree: tree).runImage(path: path)
    }
}

extension TreeScan {
    func runImage(path: String) throws {
        guard !tree.gitHistory else { throw CLIError.usage("--git-history scans a git repository", hint: "use it with strata fs") }
        let setup = try setup(defaultScanners: ["vuln", "secret"], rootFilesystem: true) {
            guard FileManager.default.fileExists(atPath: path) else {
                if path.contains(":") && !path.hasPrefix("/") && !path.hasPrefix(".") {
                    throw CLIError.usage("\(path): no such file or directory", hint: "pulling from a registry is not in this build; save the image first (docker save, skopeo copy … docker-archive:FILE)")
                }
                throw CLIError.usage("\(path): no such file or directory", hint: "strata image takes an image archive or an OCI layout directory")
            }
        }
        let work = try WorkDirectory(prefix: "strata-image")
        defer { work.remove() }
        let image: ContainerImage
        do { image = try ContainerImage.unpack(path, workDirectory: work.path) } catch { throw CLIError.input(error) }
        let outcome = try ImageScanRunner(scanners: setup.scanners, walkOptions: setup.walkOptions)
            .run(image, clock: setup.clock, settings: setup.scannerSettings)
        // Inline comments come from the scan (layers are gone by the time a file could be re-read).
        try emit(outcome, artifact: Artifact(name: path, kind: .image, image: image.description.metadata), setup: setup,
                 ignoreRoot: ".", readFile: nil)
    }
}

/// A private directory under $TMPDIR, made with mkdtemp and removed with everything in it.
struct WorkDirectory {
    let path: String

    init(prefix: String) throws(CLIError) {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/\(prefix).XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw .input(StrataError(.io, "cannot create a work directory under \(base)"))
        }
        path = String(cString: made)
    }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}
