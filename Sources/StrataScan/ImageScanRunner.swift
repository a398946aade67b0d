import Foundation
import StrataArtifact
import StrataCore

/// Scans an unpacked `ContainerImage`. Secrets are looked for layer by layer, because a file a
/// later layer deletes is still in the image for anyone who pulls it; each secret names its
/// layer. The other scanners (packages and their vulnerabilities) see the squashed filesystem a
/// container starts with, built only when one of them is selected.
public struct ImageScanRunner: Sendable {
    public let scanners: [any StrataScanner]
    public let walkOptions: WalkOptions

    public init(scanners: [any StrataScanner], walkOptions: WalkOptions) {
        self.scanners = scanners
        self.walkOptions = walkOptions
    }

    public static let perLayerScanners: Set<String> = ["secret"]

    public func run(_ image: ContainerImage, clock: any Clock, settings: [String: [String: String]]) throws(StrataError) -> ScanRunner.Outcome {
        let perLayer = scanners.filter { ImageScanRunner.perLayerScanners.contains($0.id) }
        let squashed = scanners.filter { !ImageScanRunner.perLayerScanners.contains($0.id) }
        var outcome = ScanRunner.Outcome(files: [], findings: [], diagnostics: image.diagnostics, packages: [])
        let imageID = image.description.imageID
        if !perLayer.isEmpty {
            for layer in image.layers {
                let runner = ScanRunner(scanners: perLayer, walker: FileWalker(options: walkOptions))
                let context = ScanContext(root: layer.directory, clock: clock, settings: settings)
                let result = try runner.run(root: layer.directory, context: context)
                let resource = ResourceIdentity(imageDigest: imageID, layerDigest: layer.layer.id)
                outcome.findings += result.findings.map { ImageScanRunner.place($0, in: resource) }
                outcome.diagnostics += result.diagnostics.map { ImageScanRunner.label($0, layer: layer.layer.index) }
                outcome.inlineComments.merge(result.inlineComments) { first, _ in first }
            }
        }
        if !perLayer.isEmpty, !image.description.configLines.isEmpty {
            let config = try ImageScanRunner.scanConfig(image, scanners: perLayer, clock: clock, settings: settings)
            outcome.findings += config.findings
            outcome.diagnostics += config.diagnostics
        }
        if !squashed.isEmpty {
            let root = image.workDirectory + "/rootfs"
            do { try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: false) } catch {
                throw StrataError(.io, "cannot create \(root): \(error.localizedDescription)")
            }
            let squash = image.squash(into: root)
            outcome.diagnostics += squash.diagnostics
            var options = walkOptions
            options.walkAsRootFilesystem()
            let runner = ScanRunner(scanners: squashed, walker: FileWalker(options: options))
            let result = try runner.run(root: root, context: ScanContext(root: root, clock: clock, settings: settings))
            let resource = ResourceIdentity(imageDigest: imageID)
            outcome.findings += result.findings.map { ImageScanRunner.place($0, in: resource) }
            outcome.diagnostics += result.diagnostics
            outcome.packages += result.packages
            outcome.inlineComments.merge(result.inlineComments) { first, _ in first }
        }
        outcome.diagnostics.sort()
        return outcome
    }

    /// The target name of the config's secrets: not a path, so it cannot clash with a file.
    public static let configTarget = "(image config)"

    /// Build arguments and `ENV` values are in the config, not in any layer, and are where a
    /// `docker build --build-arg TOKEN=…` leaves its secret.
    static func scanConfig(_ image: ContainerImage, scanners: [any StrataScanner], clock: any Clock,
                           settings: [String: [String: String]]) throws(StrataError) -> FileScanResult {
        let context = ScanContext(root: image.workDirectory, clock: clock, settings: settings)
        let file = ScannedFile(path: configTarget, bytes: Array(image.description.configLines.joined(separator: "\n").utf8) + [0x0A])
        var result = FileScanResult()
        for scanner in scanners { result.merge(try scanner.prepared(for: context).scan(file, context: context)) }
        let resource = ResourceIdentity(imageDigest: image.description.imageID)
        result.findings = result.findings.map { place($0, in: resource) }
        return result
    }

    /// The finding with the image (and layer) as its resource; the fingerprint is derived from the
    /// scanner's own, so it stays stable for the same secret in the same layer.
    static func place(_ finding: Finding, in resource: ResourceIdentity) -> Finding {
        var placed = finding
        var merged = finding.resource ?? ResourceIdentity()
        merged.imageDigest = resource.imageDigest
        merged.layerDigest = resource.layerDigest ?? merged.layerDigest
        placed.resource = merged
        placed.fingerprint = Fingerprint.of(placed, hint: finding.fingerprint)
        return placed
    }

    static func label(_ diagnostic: Diagnostic, layer: Int) -> Diagnostic {
        var out = diagnostic
        out.reason = "layer \(layer): " + diagnostic.reason
        return out
    }
}
