/// One change a layer makes to the filesystem below it, in archive order: what the squashed
/// root filesystem is built from.
public enum LayerChange: Sendable, Hashable {
    case directory([UInt8])
    /// A regular file, unpacked at this path under the layer's directory.
    case file([UInt8])
    case symlink([UInt8], target: [UInt8])
    /// `.wh.<name>`: the path is deleted from the layers below.
    case whiteout([UInt8])
    /// `.wh..wh..opq`: the directory's contents from the layers below are hidden.
    case opaque([UInt8])
}
