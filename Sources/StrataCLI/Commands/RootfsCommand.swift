import ArgumentParser

/// `strata rootfs PATH`: an unpacked root filesystem — OS packages (dpkg, apk, rpm) in the
/// distribution os-release names, language packages, secrets.
struct RootfsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rootfs", abstract: "Scan an unpacked root filesystem: OS and language packages, secrets.",
        discussion: """
            Examples:
              strata rootfs /                                  this machine (/proc, /sys, /dev, /run skipped)
              strata rootfs ./debian-root --format json --list-all-pkgs
              strata rootfs /mnt/vm --scanners vuln --severity CRITICAL,HIGH

            OS packages are read from var/lib/dpkg/status (and status.d), lib/apk/db/installed and
            rpmdb.sqlite, in the distribution named by etc/os-release, and matched by source package.
            """)

    @Argument(help: "Root directory of the filesystem.")
    var path: String

    @OptionGroup var report: ReportOptions
    @OptionGroup var walk: WalkFlags
    @OptionGroup var tree: TreeScanFlags

    func run() throws {
        try TreeScan(report: report, walk: walk, tree: tree).run(
            path: path, kind: .rootfs, command: "rootfs", defaultScanners: ["vuln", "secret"], osPackages: true)
    }
}
