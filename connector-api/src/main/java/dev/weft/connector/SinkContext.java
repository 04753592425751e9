package dev.weft.connector;

import dev.weft.model.Flow;
import dev.weft.model.SystemDef;
import dev.weft.model.Target;

/** What a connector needs to open a sink: the resolved system, the flow's target, and the run. */
public record SinkContext(SystemDef system, Target target, Flow flow, RunInfo run) {}
