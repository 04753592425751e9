package dev.weft.connector;

import dev.weft.model.Flow;
import dev.weft.model.Source;
import dev.weft.model.SystemDef;

/**
 * What a connector needs to open a source: the system with every placeholder resolved (secrets in
 * memory only), the flow's source section, and the run.
 */
public record SourceContext(SystemDef system, Source source, Flow flow, RunInfo run) {}
