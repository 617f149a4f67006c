package io.edgetwin.core.document;

/**
 * How large a document may be before it is refused: its size in bytes, how deeply mappings and lists
 * nest, and how many nodes (scalars, mappings, lists) it holds once every alias is expanded. The
 * defaults are far above any real recipe or deployment (a few hundred nodes, depth under 10) and far
 * below what would hurt a 48 MB core: a 1 KB alias bomb is refused after counting 100,000 nodes.
 */
public record DocumentLimits(int maxBytes, int maxDepth, int maxNodes) {

    /** 1 MiB, depth 50, 100,000 expanded nodes. */
    public static final DocumentLimits DEFAULT = new DocumentLimits(1 << 20, 50, 100_000);

    public DocumentLimits {
        if (maxBytes < 1 || maxDepth < 1 || maxNodes < 1) {
            throw new IllegalArgumentException("document limits must be positive: maxBytes=" + maxBytes
                    + " maxDepth=" + maxDepth + " maxNodes=" + maxNodes);
        }
    }
}
